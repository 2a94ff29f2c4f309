//! `dict`: an insertion-ordered hash table (CPython's Objects/dictobject.c
//! design: a sparse index table pointing into a dense entry array).
//!
//! Lookups may run Python code (`__eq__`, `__hash__`), which may mutate the
//! dict; no `RefCell` borrow is held across such a call, and a lookup
//! restarts if the dict's version changed while comparing.

use std::cell::RefCell;

use crate::object::{PyObjectRef, PyPayload, PyRef, PyTypeRef};
use crate::objects::longobject::PyInt;
use crate::objects::strobject::PyStr;
use crate::{PyResult, VM};

const EMPTY: i32 = -1;
const DUMMY: i32 = -2;
const MIN_SIZE: usize = 8;

pub type PyDictRef = PyRef<PyDict>;

#[derive(Clone)]
pub struct Entry {
    pub hash: i64,
    pub key: PyObjectRef,
    pub value: PyObjectRef,
}

#[derive(Default)]
pub struct DictInner {
    indices: Vec<i32>,
    entries: Vec<Option<Entry>>,
    used: usize,
    /// Index slots that are not EMPTY (live or DUMMY). Lookups stop only
    /// at an EMPTY slot, so this (not the entry count, which `popitem`
    /// shrinks) decides when to rebuild.
    fill: usize,
    /// Changes on every mutation that can move or remove entries.
    version: u64,
}

#[derive(Default)]
pub struct PyDict {
    inner: RefCell<DictInner>,
}

impl PyPayload for PyDict {
    fn class(vm: &VM) -> &PyTypeRef {
        &vm.types.dict_type
    }

    const GC: bool = true;

    fn traverse(&self, visit: &mut dyn FnMut(&PyObjectRef)) {
        if let Ok(inner) = self.inner.try_borrow() {
            for e in inner.entries.iter().flatten() {
                visit(&e.key);
                visit(&e.value);
            }
        }
    }

    fn clear(&self) {
        let old = self.inner.try_borrow_mut().map(|mut inner| {
            let version = inner.version + 1;
            let old = std::mem::take(&mut *inner);
            inner.version = version;
            old
        });
        drop(old);
    }
}

impl DictInner {
    fn probe_start(&self, hash: i64) -> (usize, u64) {
        let mask = self.indices.len() - 1;
        ((hash as u64 as usize) & mask, hash as u64)
    }

    /// Compacts the entries and sizes the index table for `min_used` live
    /// entries with room to grow (CPython's GROWTH_RATE: used * 3).
    fn rebuild(&mut self, min_used: usize) {
        let mut size = MIN_SIZE;
        while size < min_used * 3 {
            size *= 2;
        }
        // Room for exactly the entries that fit before the next rebuild
        // (two thirds of the index table, as CPython's USABLE_FRACTION).
        let mut entries: Vec<Option<Entry>> = Vec::with_capacity((size * 2 / 3).max(min_used));
        entries.extend(
            std::mem::take(&mut self.entries)
                .into_iter()
                .filter(|e| e.is_some()),
        );
        self.indices = vec![EMPTY; size];
        let mask = size - 1;
        for (ix, e) in entries.iter().enumerate() {
            let h = e.as_ref().map(|e| e.hash).unwrap_or(0);
            let mut i = (h as u64 as usize) & mask;
            let mut perturb = h as u64;
            while self.indices[i] != EMPTY {
                perturb >>= 5;
                i = (i
                    .wrapping_mul(5)
                    .wrapping_add(perturb as usize)
                    .wrapping_add(1))
                    & mask;
            }
            self.indices[i] = ix as i32;
        }
        self.fill = entries.len();
        self.entries = entries;
        self.version += 1;
    }

    /// The index-table slot pointing at entry `ix`, found by following
    /// the entry's probe sequence.
    fn slot_of(&self, hash: i64, ix: usize) -> Option<usize> {
        if self.indices.is_empty() {
            return None;
        }
        let mask = self.indices.len() - 1;
        let (mut i, mut perturb) = self.probe_start(hash);
        for _ in 0..=self.indices.len() * 2 {
            match self.indices[i] {
                EMPTY => return None,
                x if x == ix as i32 => return Some(i),
                _ => {}
            }
            perturb >>= 5;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(perturb as usize)
                .wrapping_add(1))
                & mask;
        }
        self.indices.iter().position(|&x| x == ix as i32)
    }

    fn insert_new(&mut self, hash: i64, key: PyObjectRef, value: PyObjectRef) {
        let load = self.fill.max(self.entries.len()) + 1;
        if self.indices.is_empty() || load * 3 >= self.indices.len() * 2 {
            self.rebuild(self.used + 1);
        }
        let mask = self.indices.len() - 1;
        let (mut i, mut perturb) = self.probe_start(hash);
        while self.indices[i] >= 0 {
            perturb >>= 5;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(perturb as usize)
                .wrapping_add(1))
                & mask;
        }
        if self.indices[i] == EMPTY {
            self.fill += 1;
        }
        self.indices[i] = self.entries.len() as i32;
        self.entries.push(Some(Entry { hash, key, value }));
        self.used += 1;
        self.version += 1;
    }
}

/// Key equality without running Python code, for exact str and int keys
/// (the common case, kept allocation-free); `None` means "ask `__eq__`".
#[inline]
fn str_key_eq(a: &PyObjectRef, b: &PyObjectRef, vm: &VM) -> Option<bool> {
    let (ta, tb) = (a.class(), b.class());
    if !ta.as_object().is(tb.as_object()) {
        return None;
    }
    if ta.as_object().is(vm.types.str_type.as_object()) {
        let (x, y) = (a.downcast_ref::<PyStr>()?, b.downcast_ref::<PyStr>()?);
        return Some(x.same_text(y));
    }
    if ta.as_object().is(vm.types.int_type.as_object()) {
        if let (Some(PyInt::Small(x)), Some(PyInt::Small(y))) =
            (a.downcast_ref::<PyInt>(), b.downcast_ref::<PyInt>())
        {
            return Some(x == y);
        }
    }
    None
}

impl PyDict {
    pub fn new_ref(vm: &VM) -> PyDictRef {
        PyRef::new(PyDict::default(), vm)
    }

    pub fn len(&self) -> usize {
        self.inner.borrow().used
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn version(&self) -> u64 {
        self.inner.borrow().version
    }

    /// The entry index of a str key (for the eval loop's global cache):
    /// valid while `version()` is unchanged, since only insertions,
    /// deletions and resizes move entries.
    pub fn index_of_str(&self, vm: &VM, key: &PyRef<PyStr>) -> Option<usize> {
        let hash = key.payload.hash_value(vm);
        self.lookup(vm, key.as_object(), hash, |_, ix, _| ix)
            .ok()
            .flatten()
    }

    /// Finds a str key and returns its entry index with the value: the
    /// attribute caches remember the index as a hint for `get_at_hint`.
    #[inline]
    pub fn get_str_indexed(&self, vm: &VM, key: &PyRef<PyStr>) -> Option<(usize, PyObjectRef)> {
        let hash = key.payload.hash_value(vm);
        self.lookup(vm, key.as_object(), hash, |inner, ix, _| {
            let value = inner.entries[ix].as_ref().map(|e| e.value.clone());
            (ix, value)
        })
        .ok()
        .flatten()
        .and_then(|(ix, v)| v.map(|v| (ix, v)))
    }

    /// The value of entry `ix` when that entry's key is `key` itself (the
    /// same interned string): one load and one compare instead of a probe.
    #[inline]
    pub fn get_at_hint(&self, ix: usize, key: &PyObjectRef) -> Option<PyObjectRef> {
        match self.inner.borrow().entries.get(ix) {
            Some(Some(e)) if e.key.is(key) => Some(e.value.clone()),
            _ => None,
        }
    }

    /// Replaces the value of entry `ix` when its key is `key` itself.
    /// `Ok(old value)` on a hit (the caller drops it, outside the borrow);
    /// `Err(value)` hands the value back on a miss.
    #[inline]
    pub fn set_at_hint(
        &self,
        ix: usize,
        key: &PyObjectRef,
        value: PyObjectRef,
    ) -> Result<PyObjectRef, PyObjectRef> {
        match self.inner.borrow_mut().entries.get_mut(ix) {
            Some(Some(e)) if e.key.is(key) => Ok(std::mem::replace(&mut e.value, value)),
            _ => Err(value),
        }
    }

    /// The value at entry index `ix` if the dict's version is still
    /// `version` (the global cache's check and read under one borrow).
    #[inline]
    pub fn value_at_version(&self, ix: usize, version: u64) -> Option<PyObjectRef> {
        let inner = self.inner.borrow();
        if inner.version != version {
            return None;
        }
        inner.entries.get(ix)?.as_ref().map(|e| e.value.clone())
    }

    /// Replaces the value of entry `ix` if the dict's version is still
    /// `version` (the key layout the global cache saw): `Ok(old value)`,
    /// which the caller drops after the borrow, or the value back.
    #[inline]
    pub fn replace_at_version(
        &self,
        ix: usize,
        version: u64,
        value: PyObjectRef,
    ) -> Result<PyObjectRef, PyObjectRef> {
        let mut inner = self.inner.borrow_mut();
        if inner.version != version {
            return Err(value);
        }
        match inner.entries.get_mut(ix) {
            Some(Some(e)) => Ok(std::mem::replace(&mut e.value, value)),
            _ => Err(value),
        }
    }

    /// The value at entry index `ix` (see `index_of_str`).
    #[inline]
    pub fn value_at(&self, ix: usize) -> Option<PyObjectRef> {
        self.inner
            .borrow()
            .entries
            .get(ix)
            .and_then(|e| e.as_ref())
            .map(|e| e.value.clone())
    }

    /// Finds `key` and applies `f` to the table, the entry index and the
    /// index-table slot, all under one borrow. The probe loop holds the
    /// borrow except around `__eq__` calls, after which it restarts if the
    /// table changed (exact str/int keys never need `__eq__`).
    #[inline]
    fn lookup<R>(
        &self,
        vm: &VM,
        key: &PyObjectRef,
        hash: i64,
        f: impl Fn(&DictInner, usize, usize) -> R,
    ) -> PyResult<Option<R>> {
        'restart: loop {
            let mut inner = self.inner.borrow();
            if inner.indices.is_empty() {
                return Ok(None);
            }
            let mask = inner.indices.len() - 1;
            let (mut i, mut perturb) = inner.probe_start(hash);
            loop {
                let ix = inner.indices[i];
                if ix == EMPTY {
                    return Ok(None);
                }
                if ix >= 0 {
                    if let Some(e) = &inner.entries[ix as usize] {
                        if e.key.is(key) {
                            return Ok(Some(f(&inner, ix as usize, i)));
                        }
                        if e.hash == hash {
                            match str_key_eq(&e.key, key, vm) {
                                Some(true) => return Ok(Some(f(&inner, ix as usize, i))),
                                Some(false) => {}
                                None => {
                                    let ekey = e.key.clone();
                                    let version = inner.version;
                                    drop(inner);
                                    let eq = vm.eq_bool(&ekey, key)?;
                                    inner = self.inner.borrow();
                                    if inner.version != version {
                                        continue 'restart;
                                    }
                                    if eq {
                                        return Ok(Some(f(&inner, ix as usize, i)));
                                    }
                                }
                            }
                        }
                    }
                }
                perturb >>= 5;
                i = (i
                    .wrapping_mul(5)
                    .wrapping_add(perturb as usize)
                    .wrapping_add(1))
                    & mask;
            }
        }
    }

    /// Index of `key` in the entry array.
    fn find(&self, vm: &VM, key: &PyObjectRef, hash: i64) -> PyResult<Option<usize>> {
        self.lookup(vm, key, hash, |_, ix, _| ix)
    }

    /// Like `find`, also returning the index-table slot.
    fn find_slot(&self, vm: &VM, key: &PyObjectRef, hash: i64) -> PyResult<Option<(usize, usize)>> {
        self.lookup(vm, key, hash, |_, ix, slot| (ix, slot))
    }

    #[inline]
    pub fn get_item_hashed(
        &self,
        vm: &VM,
        key: &PyObjectRef,
        hash: i64,
    ) -> PyResult<Option<PyObjectRef>> {
        Ok(self
            .lookup(vm, key, hash, |inner, ix, _| {
                inner.entries[ix].as_ref().map(|e| e.value.clone())
            })?
            .flatten())
    }

    /// `d.get(key)` without raising KeyError; errors come from `__hash__`/`__eq__`.
    pub fn get_item(&self, vm: &VM, key: &PyObjectRef) -> PyResult<Option<PyObjectRef>> {
        let hash = vm.hash(key)?;
        self.get_item_hashed(vm, key, hash)
    }

    /// Lookup with a str key: never runs Python code when every key of
    /// that hash is an exact str (module globals, type dicts, kwargs).
    #[inline]
    pub fn get_str(&self, vm: &VM, key: &PyRef<PyStr>) -> Option<PyObjectRef> {
        let hash = key.payload.hash_value(vm);
        self.get_item_hashed(vm, key.as_object(), hash)
            .ok()
            .flatten()
    }

    pub fn get_str_name(&self, vm: &VM, name: &str) -> Option<PyObjectRef> {
        self.get_str(vm, &vm.intern(name))
    }

    pub fn set_item_hashed(
        &self,
        vm: &VM,
        key: PyObjectRef,
        hash: i64,
        value: PyObjectRef,
    ) -> PyResult<()> {
        match self.find(vm, &key, hash)? {
            Some(ix) => {
                let old = {
                    let mut inner = self.inner.borrow_mut();
                    inner.entries[ix]
                        .as_mut()
                        .map(|e| std::mem::replace(&mut e.value, value))
                };
                drop(old);
            }
            None => self.inner.borrow_mut().insert_new(hash, key, value),
        }
        Ok(())
    }

    pub fn set_item(&self, vm: &VM, key: PyObjectRef, value: PyObjectRef) -> PyResult<()> {
        let hash = vm.hash(&key)?;
        self.set_item_hashed(vm, key, hash, value)
    }

    pub fn set_str(&self, vm: &VM, key: &str, value: PyObjectRef) {
        let k = vm.intern(key);
        let hash = k.payload.hash_value(vm);
        // Exact-str keys never run Python code, so this cannot fail.
        let _ = self.set_item_hashed(vm, k.into_object(), hash, value);
    }

    /// Removes `key`; returns its value, or None if absent.
    pub fn pop_item(&self, vm: &VM, key: &PyObjectRef) -> PyResult<Option<PyObjectRef>> {
        let hash = vm.hash(key)?;
        let Some((ix, slot)) = self.find_slot(vm, key, hash)? else {
            return Ok(None);
        };
        let removed = {
            let mut inner = self.inner.borrow_mut();
            let e = inner.entries[ix].take();
            inner.indices[slot] = DUMMY;
            inner.used -= 1;
            inner.version += 1;
            e
        };
        Ok(removed.map(|e| e.value))
    }

    pub fn contains(&self, vm: &VM, key: &PyObjectRef) -> PyResult<bool> {
        let hash = vm.hash(key)?;
        Ok(self.find(vm, key, hash)?.is_some())
    }

    pub fn clear(&self) {
        let old = std::mem::take(&mut *self.inner.borrow_mut());
        self.inner.borrow_mut().version = old.version + 1;
        drop(old);
    }

    /// A snapshot of the entries, in insertion order.
    pub fn entries(&self) -> Vec<Entry> {
        self.inner
            .borrow()
            .entries
            .iter()
            .flatten()
            .cloned()
            .collect()
    }

    pub fn keys(&self) -> Vec<PyObjectRef> {
        self.inner
            .borrow()
            .entries
            .iter()
            .flatten()
            .map(|e| e.key.clone())
            .collect()
    }

    pub fn values(&self) -> Vec<PyObjectRef> {
        self.inner
            .borrow()
            .entries
            .iter()
            .flatten()
            .map(|e| e.value.clone())
            .collect()
    }

    /// The entry at dense position `pos` or later that is still live, for
    /// iterators: returns (entry, next position).
    pub fn entry_at(&self, pos: usize) -> Option<(Entry, usize)> {
        let inner = self.inner.borrow();
        let mut p = pos;
        while p < inner.entries.len() {
            if let Some(e) = &inner.entries[p] {
                return Some((e.clone(), p + 1));
            }
            p += 1;
        }
        None
    }

    /// The last live entry before dense position `pos`, with its position
    /// (for reversed iteration).
    pub fn entry_before(&self, pos: usize) -> Option<(Entry, usize)> {
        let inner = self.inner.borrow();
        let mut p = pos.min(inner.entries.len());
        while p > 0 {
            p -= 1;
            if let Some(e) = &inner.entries[p] {
                return Some((e.clone(), p));
            }
        }
        None
    }

    /// Size of the dense entry array (live entries and holes).
    pub fn dense_len(&self) -> usize {
        self.inner.borrow().entries.len()
    }

    /// Removes and returns the last inserted entry (`popitem`).
    pub fn pop_last(&self) -> Option<Entry> {
        let mut inner = self.inner.borrow_mut();
        while let Some(last) = inner.entries.pop() {
            if let Some(e) = last {
                let ix = inner.entries.len();
                if let Some(slot) = inner.slot_of(e.hash, ix) {
                    inner.indices[slot] = DUMMY;
                }
                inner.used -= 1;
                inner.version += 1;
                return Some(e);
            }
        }
        None
    }

    pub fn copy_from(&self, vm: &VM, other: &PyDict) -> PyResult<()> {
        for e in other.entries() {
            self.set_item_hashed(vm, e.key, e.hash, e.value)?;
        }
        Ok(())
    }
}

/// Fills the slots and methods of this file's type(s).
pub(crate) fn init(vm: &crate::VM) {
    crate::objects::dict_methods::init(vm);
}
