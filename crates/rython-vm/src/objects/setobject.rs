//! `set` and `frozenset` (CPython's Objects/setobject.c). Both share one
//! layout; the object's type tells which it is. The table follows
//! CPython's design exactly (open addressing, linear probes then
//! perturbation, the same resize points), because iteration order — and
//! so every printed set — depends on it.
//!
//! `__eq__` calls during a probe run without any borrow held; a probe
//! restarts if the table changed meanwhile.

use std::cell::{Cell, RefCell};

use crate::object::{PyObjectRef, PyPayload, PyRef, PyTypeRef};
use crate::objects::dictobject::PyDict;
use crate::objects::longobject::PyInt;
use crate::objects::strobject::PyStr;
use crate::{PyResult, VM};

const MINSIZE: usize = 8;
const LINEAR_PROBES: usize = 9;

#[derive(Clone)]
enum Slot {
    Empty,
    Dummy,
    Full(i64, PyObjectRef),
}

struct Table {
    slots: Vec<Slot>,
    fill: usize,
    used: usize,
    /// Where `pop` resumes its scan.
    finger: usize,
    /// Bumped whenever entries move or disappear.
    version: u64,
}

impl Default for Table {
    fn default() -> Table {
        Table {
            slots: vec![Slot::Empty; MINSIZE],
            fill: 0,
            used: 0,
            finger: 0,
            version: 0,
        }
    }
}

pub type PySetRef = PyRef<PySet>;

#[derive(Default)]
pub struct PySet {
    /// `pub` for callers that add elements directly
    /// (`set.table.set_item_hashed`); the methods are reachable on the set
    /// itself through `Deref`.
    pub table: SetTable,
}

#[derive(Default)]
pub struct SetTable {
    table: RefCell<Table>,
}

impl std::ops::Deref for PySet {
    type Target = SetTable;
    fn deref(&self) -> &SetTable {
        &self.table
    }
}

impl PyPayload for PySet {
    fn class(vm: &VM) -> &PyTypeRef {
        &vm.types.set_type
    }

    const GC: bool = true;

    fn traverse(&self, visit: &mut dyn FnMut(&PyObjectRef)) {
        if let Ok(t) = self.table.table.try_borrow() {
            for s in &t.slots {
                if let Slot::Full(_, k) = s {
                    visit(k);
                }
            }
        }
    }

    fn clear(&self) {
        let old = self.table.table.try_borrow_mut().map(|mut t| {
            let version = t.version + 1;
            let old = std::mem::take(&mut *t);
            t.version = version;
            old
        });
        drop(old);
    }
}

enum Probe {
    Found(usize),
    /// Not present: the first empty slot met, and the last dummy.
    Absent(usize, Option<usize>),
    /// Slot, probe step, the key there, table version.
    Compare(usize, usize, PyObjectRef, u64),
}

/// Equality that needs no Python code (exact str/int keys).
#[inline]
fn quick_eq(vm: &VM, a: &PyObjectRef, b: &PyObjectRef) -> Option<bool> {
    let (ta, tb) = (a.class(), b.class());
    if !ta.as_object().is(tb.as_object()) {
        return None;
    }
    if ta.is(&vm.types.str_type) {
        return Some(
            a.downcast_ref::<PyStr>()?
                .same_text(b.downcast_ref::<PyStr>()?),
        );
    }
    if ta.is(&vm.types.int_type) {
        if let (Some(PyInt::Small(x)), Some(PyInt::Small(y))) =
            (a.downcast_ref::<PyInt>(), b.downcast_ref::<PyInt>())
        {
            return Some(x == y);
        }
    }
    None
}

fn insert_clean(slots: &mut [Slot], key: PyObjectRef, hash: i64) {
    let mask = slots.len() - 1;
    let mut perturb = hash as u64;
    let mut i = (hash as u64 as usize) & mask;
    loop {
        if matches!(slots[i], Slot::Empty) {
            slots[i] = Slot::Full(hash, key);
            return;
        }
        if i + LINEAR_PROBES <= mask {
            for j in 1..=LINEAR_PROBES {
                if matches!(slots[i + j], Slot::Empty) {
                    slots[i + j] = Slot::Full(hash, key);
                    return;
                }
            }
        }
        perturb >>= 5;
        i = (i
            .wrapping_mul(5)
            .wrapping_add(1)
            .wrapping_add(perturb as usize))
            & mask;
    }
}

impl Table {
    fn mask(&self) -> usize {
        self.slots.len() - 1
    }

    /// Walks the probe sequence until it can decide; `resume` is the
    /// number of probe steps already settled by earlier comparisons.
    fn probe(&self, vm: &VM, key: &PyObjectRef, hash: i64, resume: usize) -> Probe {
        let mask = self.mask();
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        let mut freeslot = None;
        let mut step = 0usize;
        loop {
            let probes = if i + LINEAR_PROBES <= mask {
                LINEAR_PROBES
            } else {
                0
            };
            for k in i..=i + probes {
                step += 1;
                match &self.slots[k] {
                    Slot::Empty => return Probe::Absent(k, freeslot),
                    Slot::Dummy => freeslot = Some(k),
                    Slot::Full(h, existing) if *h == hash && step > resume => {
                        if existing.is(key) {
                            return Probe::Found(k);
                        }
                        match quick_eq(vm, existing, key) {
                            Some(true) => return Probe::Found(k),
                            Some(false) => {}
                            None => return Probe::Compare(k, step, existing.clone(), self.version),
                        }
                    }
                    Slot::Full(..) => {}
                }
            }
            perturb >>= 5;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(perturb as usize))
                & mask;
        }
    }

    fn resize(&mut self, minused: usize) {
        let mut size = MINSIZE;
        while size <= minused {
            size <<= 1;
        }
        let old = std::mem::replace(&mut self.slots, vec![Slot::Empty; size]);
        self.fill = self.used;
        self.version += 1;
        for s in old {
            if let Slot::Full(h, k) = s {
                insert_clean(&mut self.slots, k, h);
            }
        }
    }
}

enum Lookup {
    Found(usize),
    Absent(usize, Option<usize>),
}

impl SetTable {
    /// Adds `key` (the value is ignored: sets have none). Kept for callers
    /// written against a dict-backed set.
    pub fn set_item_hashed(
        &self,
        vm: &VM,
        key: PyObjectRef,
        hash: i64,
        _value: PyObjectRef,
    ) -> PyResult<()> {
        self.add_hashed(vm, key, hash)
    }

    pub fn len(&self) -> usize {
        self.table.borrow().used
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn lookup(&self, vm: &VM, key: &PyObjectRef, hash: i64) -> PyResult<Lookup> {
        let mut resume = 0;
        loop {
            let step = self.table.borrow().probe(vm, key, hash, resume);
            match step {
                Probe::Found(k) => return Ok(Lookup::Found(k)),
                Probe::Absent(k, free) => return Ok(Lookup::Absent(k, free)),
                Probe::Compare(k, step, existing, version) => {
                    let eq = vm.eq_bool(&existing, key)?;
                    let t = self.table.borrow();
                    let same = t.version == version
                        && matches!(&t.slots[k], Slot::Full(_, e) if e.is(&existing));
                    drop(t);
                    if !same {
                        resume = 0;
                        continue;
                    }
                    if eq {
                        return Ok(Lookup::Found(k));
                    }
                    resume = step;
                }
            }
        }
    }

    pub fn contains_hashed(&self, vm: &VM, key: &PyObjectRef, hash: i64) -> PyResult<bool> {
        Ok(matches!(self.lookup(vm, key, hash)?, Lookup::Found(_)))
    }

    pub fn add_hashed(&self, vm: &VM, key: PyObjectRef, hash: i64) -> PyResult<()> {
        let (k, free) = match self.lookup(vm, &key, hash)? {
            Lookup::Found(_) => return Ok(()),
            Lookup::Absent(k, free) => (k, free),
        };
        let mut t = self.table.borrow_mut();
        if let Some(f) = free {
            if matches!(t.slots[f], Slot::Dummy) {
                t.slots[f] = Slot::Full(hash, key);
                t.used += 1;
                return Ok(());
            }
        }
        if !matches!(t.slots[k], Slot::Empty) {
            // The table changed under a comparison; insert generically.
            drop(t);
            return self.add_hashed(vm, key, hash);
        }
        t.slots[k] = Slot::Full(hash, key);
        t.fill += 1;
        t.used += 1;
        if t.fill * 5 >= t.mask() * 3 {
            let used = t.used;
            t.resize(if used > 50000 { used * 2 } else { used * 4 });
        }
        Ok(())
    }

    pub fn add(&self, vm: &VM, key: PyObjectRef) -> PyResult<()> {
        let hash = vm.hash(&key)?;
        self.add_hashed(vm, key, hash)
    }

    /// Removes `key` if present; true if it was.
    pub fn discard_hashed(&self, vm: &VM, key: &PyObjectRef, hash: i64) -> PyResult<bool> {
        let Lookup::Found(k) = self.lookup(vm, key, hash)? else {
            return Ok(false);
        };
        let old = {
            let mut t = self.table.borrow_mut();
            t.used -= 1;
            t.version += 1;
            std::mem::replace(&mut t.slots[k], Slot::Dummy)
        };
        drop(old);
        Ok(true)
    }

    pub fn clear(&self) {
        let old = std::mem::take(&mut *self.table.borrow_mut());
        let v = old.version;
        self.table.borrow_mut().version = v + 1;
        drop(old);
    }

    /// The elements with their hashes, in table order (iteration order).
    pub fn entries(&self) -> Vec<(i64, PyObjectRef)> {
        self.table
            .borrow()
            .slots
            .iter()
            .filter_map(|s| match s {
                Slot::Full(h, k) => Some((*h, k.clone())),
                _ => None,
            })
            .collect()
    }

    pub fn keys(&self) -> Vec<PyObjectRef> {
        self.entries().into_iter().map(|(_, k)| k).collect()
    }

    /// The element at table position `pos` or later, and the next position.
    pub fn next_from(&self, pos: usize) -> Option<(PyObjectRef, usize)> {
        let t = self.table.borrow();
        let mut p = pos;
        while p < t.slots.len() {
            if let Slot::Full(_, k) = &t.slots[p] {
                return Some((k.clone(), p + 1));
            }
            p += 1;
        }
        None
    }

    pub fn pop(&self) -> Option<PyObjectRef> {
        let mut t = self.table.borrow_mut();
        if t.used == 0 {
            return None;
        }
        let mask = t.mask();
        let mut i = t.finger & mask;
        while !matches!(t.slots[i], Slot::Full(..)) {
            i = if i >= mask { 0 } else { i + 1 };
        }
        let old = std::mem::replace(&mut t.slots[i], Slot::Dummy);
        t.used -= 1;
        t.version += 1;
        t.finger = i + 1;
        match old {
            Slot::Full(_, k) => Some(k),
            _ => None,
        }
    }

    /// `set_merge`: adds every element of another set.
    pub fn merge(&self, vm: &VM, other: &SetTable) -> PyResult<()> {
        if std::ptr::eq(self, other) {
            return Ok(());
        }
        let (ofill, oused, omask, oslots) = {
            let o = other.table.borrow();
            (o.fill, o.used, o.mask(), o.slots.clone())
        };
        if oused == 0 {
            return Ok(());
        }
        {
            let mut t = self.table.borrow_mut();
            if (t.fill + oused) * 5 >= t.mask() * 3 {
                let used = t.used;
                t.resize((used + oused) * 2);
            }
            if t.fill == 0 && t.mask() == omask && ofill == oused {
                for (dst, src) in t.slots.iter_mut().zip(oslots) {
                    if let Slot::Full(..) = src {
                        *dst = src;
                    }
                }
                t.fill = oused;
                t.used = oused;
                return Ok(());
            }
            if t.fill == 0 {
                for s in oslots {
                    if let Slot::Full(h, k) = s {
                        insert_clean(&mut t.slots, k, h);
                    }
                }
                t.fill = oused;
                t.used = oused;
                return Ok(());
            }
        }
        for s in oslots {
            if let Slot::Full(h, k) = s {
                self.add_hashed(vm, k, h)?;
            }
        }
        Ok(())
    }

    /// Adds the keys of a dict, reusing their stored hashes.
    pub fn update_dict(&self, vm: &VM, d: &PyDict) -> PyResult<()> {
        let n = d.len();
        {
            let mut t = self.table.borrow_mut();
            if (t.fill + n) * 5 >= t.mask() * 3 {
                let used = t.used;
                t.resize((used + n) * 2);
            }
        }
        for e in d.entries() {
            self.add_hashed(vm, e.key, e.hash)?;
        }
        Ok(())
    }

    /// Frees dummies when more than a quarter of the table is dummies
    /// (after bulk removal).
    fn shrink_dummies(&self) {
        let mut t = self.table.borrow_mut();
        if t.fill - t.used > t.mask() / 4 {
            let used = t.used;
            t.resize(if used > 50000 { used * 2 } else { used * 4 });
        }
    }

    /// Exchanges the contents of two sets (`set_swap_bodies`).
    pub fn swap_bodies(&self, other: &SetTable) {
        if std::ptr::eq(self, other) {
            return;
        }
        let mut a = self.table.borrow_mut();
        let mut b = other.table.borrow_mut();
        std::mem::swap(&mut *a, &mut *b);
        a.version = a.version.max(b.version) + 1;
        b.version = a.version + 1;
    }

    /// Table size in slots (for `__sizeof__`).
    pub fn capacity(&self) -> usize {
        self.table.borrow().slots.len()
    }
}

/// Is `obj` a set or frozenset (or subclass)?
pub fn is_anyset(obj: &PyObjectRef) -> bool {
    obj.payload_is::<PySet>()
}

pub fn is_frozen(vm: &VM, obj: &PyObjectRef) -> bool {
    obj.class().is_subtype(&vm.types.frozenset_type)
}

/// `set.update(other)` for one argument (`set_update_internal`).
pub fn update_iter(vm: &VM, s: &PySet, other: &PyObjectRef) -> PyResult<()> {
    if let Some(o) = other.downcast_ref::<PySet>() {
        return s.merge(vm, o);
    }
    if other.class().is(&vm.types.dict_type) {
        if let Some(d) = other.downcast_ref::<PyDict>() {
            return s.update_dict(vm, d);
        }
    }
    let it = vm.get_iter(other)?;
    while let Some(x) = vm.next(&it)? {
        s.add(vm, x)?;
    }
    Ok(())
}

/// `set_difference_update_internal`.
pub fn difference_update_iter(vm: &VM, s: &PySet, other: &PyObjectRef) -> PyResult<()> {
    if let Some(o) = other.downcast_ref::<PySet>() {
        if std::ptr::eq(s, o) {
            s.clear();
            return Ok(());
        }
        for (h, k) in o.entries() {
            s.discard_hashed(vm, &k, h)?;
        }
    } else {
        let it = vm.get_iter(other)?;
        while let Some(x) = vm.next(&it)? {
            let h = vm.hash(&x)?;
            s.discard_hashed(vm, &x, h)?;
        }
    }
    s.shrink_dummies();
    Ok(())
}

/// `set_symmetric_difference_update` for one argument.
pub fn symmetric_difference_update_iter(vm: &VM, s: &PySet, other: &PyObjectRef) -> PyResult<()> {
    let entries: Vec<(i64, PyObjectRef)> = if let Some(o) = other.downcast_ref::<PySet>() {
        if std::ptr::eq(s, o) {
            s.clear();
            return Ok(());
        }
        o.entries()
    } else if let (true, Some(d)) = (
        other.class().is(&vm.types.dict_type),
        other.downcast_ref::<PyDict>(),
    ) {
        d.entries().into_iter().map(|e| (e.hash, e.key)).collect()
    } else {
        let tmp = PySet::default();
        update_iter(vm, &tmp, other)?;
        tmp.entries()
    };
    for (h, k) in entries {
        if !s.discard_hashed(vm, &k, h)? {
            s.add_hashed(vm, k, h)?;
        }
    }
    Ok(())
}

/// A new exact `set` of `items`.
pub fn new_set(vm: &VM, items: Vec<PyObjectRef>) -> PyResult<PySetRef> {
    let s = PySet::default();
    for x in items {
        s.add(vm, x)?;
    }
    Ok(PyRef::new_exact(s, vm.types.set_type.clone()))
}

/// A new exact `frozenset` of `items`.
pub fn new_frozenset(vm: &VM, items: Vec<PyObjectRef>) -> PyResult<PySetRef> {
    let s = PySet::default();
    for x in items {
        s.add(vm, x)?;
    }
    Ok(PyRef::new_exact(s, vm.types.frozenset_type.clone()))
}

/// A set of type `ty` (set, frozenset or a subclass) filled from an
/// iterable (`make_new_set`).
pub fn make_new_set(vm: &VM, ty: &PyTypeRef, iterable: Option<&PyObjectRef>) -> PyResult<PySetRef> {
    let s = PySet::default();
    if let Some(it) = iterable {
        update_iter(vm, &s, it)?;
    }
    if ty.is(&vm.types.set_type) || ty.is(&vm.types.frozenset_type) {
        Ok(PyRef::new_exact(s, ty.clone()))
    } else {
        Ok(PyRef::new_with_type(s, ty.clone()))
    }
}

/// The builtin base (set or frozenset) results of operations take.
pub fn base_type(vm: &VM, obj: &PyObjectRef) -> PyTypeRef {
    if obj.class().is_subtype(&vm.types.set_type) {
        vm.types.set_type.clone()
    } else {
        vm.types.frozenset_type.clone()
    }
}

/// Iterator state (`set_iterator`).
pub struct SetIterState {
    pub set: RefCell<Option<PyRef<PySet>>>,
    pub used: Cell<Option<usize>>,
    pub pos: Cell<usize>,
    pub len: Cell<usize>,
}

/// Fills the slots and methods of this file's type(s).
pub(crate) fn init(vm: &crate::VM) {
    crate::objects::set_methods::init(vm);
}
