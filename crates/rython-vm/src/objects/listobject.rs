//! `list` (CPython's Objects/listobject.c): the payload, its slots and
//! methods. Sorting lives in `list_sort.rs`.
//!
//! The vector is behind a `RefCell`; code never holds a borrow while it
//! calls back into Python (comparisons, `__index__`...), so a callback that
//! mutates the list cannot cause a borrow panic.

use std::cell::{Cell, RefCell};

use crate::object::{PyObjectRef, PyPayload, PyRef, PyTypeRef};
use crate::objects::iterobject::{PyListIterator, PyListReverseIterator};
use crate::objects::longobject::PyInt;
use crate::objects::seqcommon::{self, method_args, with_repr_guard};
use crate::objects::sliceobject::{self, PySlice};
use crate::objects::tupleobject::{normalize_index, PyTuple, PyTupleRef};
use crate::objects::typeobject::{CompareOp, NumberOp};
use crate::{PyResult, VM};

pub type PyListRef = PyRef<PyList>;

#[derive(Default)]
pub struct PyList {
    pub items: RefCell<Vec<PyObjectRef>>,
}

impl PyPayload for PyList {
    fn class(vm: &VM) -> &PyTypeRef {
        &vm.types.list_type
    }

    const GC: bool = true;

    fn traverse(&self, visit: &mut dyn FnMut(&PyObjectRef)) {
        if let Ok(items) = self.items.try_borrow() {
            items.iter().for_each(visit);
        }
    }

    fn clear(&self) {
        let old = self
            .items
            .try_borrow_mut()
            .map(|mut v| std::mem::take(&mut *v));
        if let Ok(old) = old {
            drop_last_first(old);
        }
    }
}

impl PyList {
    pub fn new(items: Vec<PyObjectRef>) -> PyList {
        PyList {
            items: RefCell::new(items),
        }
    }

    pub fn len(&self) -> usize {
        self.items.borrow().len()
    }

    pub fn is_empty(&self) -> bool {
        self.items.borrow().is_empty()
    }

    /// A snapshot of the items (for iteration that may run Python code).
    pub fn to_vec(&self) -> Vec<PyObjectRef> {
        self.items.borrow().clone()
    }

    pub fn get(&self, i: usize) -> Option<PyObjectRef> {
        self.items.borrow().get(i).cloned()
    }

    pub fn push(&self, v: PyObjectRef) {
        let mut items = self.items.borrow_mut();
        let n = items.len();
        if n == items.capacity() {
            // CPython's list over-allocation (about 1/8), not doubling: a
            // long list built by `append` wastes little memory.
            let target = (n + 1 + ((n + 1) >> 3) + 6) & !3;
            items.reserve_exact(target - n);
        }
        items.push(v);
    }

    /// Replaces the contents; the old items are dropped after the borrow
    /// ends (their `__del__` may touch this list).
    pub fn replace(&self, items: Vec<PyObjectRef>) {
        let old = std::mem::replace(&mut *self.items.borrow_mut(), items);
        drop_last_first(old);
    }
}

/// Releases items last to first, the order CPython's list and tuple
/// deallocation and `list.clear()` use (visible through `__del__`).
#[inline]
pub(crate) fn drop_last_first(items: Vec<PyObjectRef>) {
    for x in items.into_iter().rev() {
        drop(x);
    }
}

impl Drop for PyList {
    fn drop(&mut self) {
        drop_last_first(std::mem::take(self.items.get_mut()));
    }
}

impl VM {
    pub fn new_list(&self, items: Vec<PyObjectRef>) -> PyListRef {
        PyRef::new_exact(PyList::new(items), self.types.list_type.clone())
    }
}

fn this<'a>(vm: &VM, obj: &'a PyObjectRef) -> PyResult<&'a PyList> {
    obj.downcast_ref::<PyList>().ok_or_else(|| {
        vm.new_type_error(format!(
            "descriptor requires a 'list' object but received a '{}'",
            obj.class().name_string()
        ))
    })
}

/// Appends everything `iterable` yields (`list.extend`).
pub fn list_extend_obj(vm: &VM, list: &PyList, iterable: &PyObjectRef) -> PyResult<()> {
    // Only exact types: a subclass may override `__iter__`.
    let cls = iterable.class();
    if let (true, Some(t)) = (
        cls.is(&vm.types.tuple_type),
        iterable.downcast_ref::<PyTuple>(),
    ) {
        list.items.borrow_mut().extend_from_slice(t.as_slice());
        return Ok(());
    }
    if let (true, Some(l)) = (
        cls.is(&vm.types.list_type),
        iterable.downcast_ref::<PyList>(),
    ) {
        // Also covers `l.extend(l)`: the snapshot is taken first.
        let v = l.to_vec();
        list.items.borrow_mut().extend(v);
        return Ok(());
    }
    let it = vm.get_iter(iterable)?;
    if let Some(n) = vm.length_hint(iterable)? {
        list.items
            .borrow_mut()
            .try_reserve(n)
            .map_err(|_| vm.new_memory_error())?;
    }
    while let Some(x) = vm.next(&it)? {
        list.push(x);
    }
    Ok(())
}

fn list_new(
    vm: &VM,
    cls: &PyTypeRef,
    _a: &[PyObjectRef],
    _kw: Option<&PyTupleRef>,
) -> PyResult<PyObjectRef> {
    if cls.is(&vm.types.list_type) {
        return Ok(vm.new_list(Vec::new()).into_object());
    }
    Ok(PyRef::new_with_type(PyList::default(), cls.clone()).into_object())
}

fn list_init(
    vm: &VM,
    obj: &PyObjectRef,
    a: &[PyObjectRef],
    kw: Option<&PyTupleRef>,
) -> PyResult<()> {
    let a = crate::python::args::positional(vm, "list", a, kw, 0, 1)?;
    let l = this(vm, obj)?;
    l.replace(Vec::new());
    if let Some(x) = a.first() {
        list_extend_obj(vm, l, x)?;
    }
    Ok(())
}

fn list_repr(vm: &VM, obj: &PyObjectRef) -> PyResult<PyObjectRef> {
    let l = this(vm, obj)?;
    if l.is_empty() {
        return Ok(vm.new_str_obj("[]"));
    }
    with_repr_guard(vm, obj, "[...]", || {
        // Items are fetched one at a time: a repr may mutate the list.
        let mut out = String::from("[");
        let mut i = 0;
        while let Some(x) = l.get(i) {
            if i > 0 {
                out.push_str(", ");
            }
            out.push_str(vm.repr(&x)?.payload.as_str());
            i += 1;
        }
        out.push(']');
        Ok(out)
    })
}

fn list_richcompare(
    vm: &VM,
    a: &PyObjectRef,
    b: &PyObjectRef,
    op: CompareOp,
) -> PyResult<PyObjectRef> {
    let (Some(x), Some(y)) = (a.downcast_ref::<PyList>(), b.downcast_ref::<PyList>()) else {
        return Ok(vm.not_implemented());
    };
    seqcommon::seq_richcompare(vm, &x.to_vec(), &y.to_vec(), op)
}

fn list_len(vm: &VM, obj: &PyObjectRef) -> PyResult<usize> {
    Ok(this(vm, obj)?.len())
}

fn list_contains(vm: &VM, obj: &PyObjectRef, x: &PyObjectRef) -> PyResult<bool> {
    let l = this(vm, obj)?;
    let mut i = 0;
    while let Some(item) = l.get(i) {
        if seqcommon::seq_eq(vm, &item, x)? {
            return Ok(true);
        }
        i += 1;
    }
    Ok(false)
}

/// `list[key]`; also the eval loop's BINARY_SUBSCR fast path.
pub fn list_getitem(vm: &VM, obj: &PyObjectRef, key: &PyObjectRef) -> PyResult<PyObjectRef> {
    let l = this(vm, obj)?;
    if let Some(PyInt::Small(i)) = key.downcast_ref::<PyInt>() {
        return l
            .get_index(*i as isize)
            .ok_or_else(|| vm.new_index_error("list index out of range"));
    }
    if let Some(s) = key.downcast_ref::<PySlice>() {
        let (start, _, step, n) = sliceobject::adjust_indices(vm, s, l.len())?;
        let items = l.items.borrow();
        let v: Vec<PyObjectRef> = if step == 1 {
            items[start as usize..start as usize + n].to_vec()
        } else {
            sliceobject::slice_positions(start, step, n)
                .map(|i| items[i].clone())
                .collect()
        };
        drop(items);
        return Ok(vm.new_list(v).into_object());
    }
    let i = vm.to_isize(key, "list indices")?;
    l.get_index(i as isize)
        .ok_or_else(|| vm.new_index_error("list index out of range"))
}

impl PyList {
    /// `self[i]` with negative indices counted from the end.
    pub fn get_index(&self, i: isize) -> Option<PyObjectRef> {
        let items = self.items.borrow();
        normalize_index(i, items.len()).map(|j| items[j].clone())
    }
}

fn assign_slice(vm: &VM, l: &PyList, s: &PySlice, value: Option<PyObjectRef>) -> PyResult<()> {
    let new_items = match &value {
        None => None,
        Some(v) => {
            let slots = &v.class().payload.slots;
            if slots.iter.get().is_none() && slots.getitem.get().is_none() {
                return Err(vm.new_type_error("must assign iterable to extended slice"));
            }
            Some(vm.collect(v)?)
        }
    };
    // Indices are computed after the value is materialised: iterating it
    // may have changed the list's length.
    let (start, stop, step, n) = sliceobject::adjust_indices(vm, s, l.len())?;
    let removed: Vec<PyObjectRef>;
    if step == 1 {
        let start = start as usize;
        let stop = (stop.max(start as isize)) as usize;
        let mut items = l.items.borrow_mut();
        removed = items
            .splice(start..stop, new_items.unwrap_or_default())
            .collect();
    } else {
        match new_items {
            None => {
                let mut items = l.items.borrow_mut();
                let mut drop_mask = vec![false; items.len()];
                for p in sliceobject::slice_positions(start, step, n) {
                    drop_mask[p] = true;
                }
                let old = std::mem::take(&mut *items);
                let mut keep = Vec::with_capacity(old.len() - n);
                let mut gone = Vec::with_capacity(n);
                for (x, d) in old.into_iter().zip(drop_mask) {
                    if d {
                        gone.push(x)
                    } else {
                        keep.push(x)
                    }
                }
                *items = keep;
                removed = gone;
            }
            Some(v) => {
                if v.len() != n {
                    return Err(vm.new_value_error(format!(
                        "attempt to assign sequence of size {} to extended slice of size {}",
                        v.len(),
                        n
                    )));
                }
                let mut items = l.items.borrow_mut();
                let mut gone = Vec::with_capacity(n);
                for (p, x) in sliceobject::slice_positions(start, step, n).zip(v) {
                    gone.push(std::mem::replace(&mut items[p], x));
                }
                removed = gone;
            }
        }
    }
    drop(removed);
    Ok(())
}

fn list_setitem(
    vm: &VM,
    obj: &PyObjectRef,
    key: &PyObjectRef,
    value: Option<PyObjectRef>,
) -> PyResult<()> {
    let l = this(vm, obj)?;
    if let Some(s) = key.downcast_ref::<PySlice>() {
        return assign_slice(vm, l, s, value);
    }
    let i = vm.to_isize(key, "list indices")?;
    let old = {
        let mut items = l.items.borrow_mut();
        let Some(j) = normalize_index(i as isize, items.len()) else {
            return Err(vm.new_index_error("list assignment index out of range"));
        };
        match value {
            Some(v) => std::mem::replace(&mut items[j], v),
            None => items.remove(j),
        }
    };
    drop(old);
    Ok(())
}

fn list_iter(vm: &VM, obj: &PyObjectRef) -> PyResult<PyObjectRef> {
    let l = obj
        .downcast_cloned::<PyList>()
        .ok_or_else(|| vm.new_type_error("expected a list"))?;
    Ok(PyRef::new_exact(
        PyListIterator {
            list: RefCell::new(Some(l)),
            index: Cell::new(0),
        },
        vm.types.list_iterator_type.clone(),
    )
    .into_object())
}

fn list_add(vm: &VM, a: &PyObjectRef, b: &PyObjectRef) -> PyResult<PyObjectRef> {
    let Some(x) = a.downcast_ref::<PyList>() else {
        return Ok(vm.not_implemented());
    };
    let Some(y) = b.downcast_ref::<PyList>() else {
        let lt = vm.types.list_type.clone();
        if let Some(r) = seqcommon::try_reflected(vm, a, b, NumberOp::Add, &lt)? {
            return Ok(r);
        }
        return Err(vm.new_type_error(format!(
            "can only concatenate list (not \"{}\") to list",
            b.class().name_string()
        )));
    };
    let mut v = x.to_vec();
    v.extend(y.to_vec());
    Ok(vm.new_list(v).into_object())
}

fn is_index_like(n: &PyObjectRef) -> bool {
    n.payload_is::<PyInt>() || n.class().payload.slots.nb_index.get().is_some()
}

fn list_mul(vm: &VM, a: &PyObjectRef, b: &PyObjectRef) -> PyResult<PyObjectRef> {
    let (seq, n) = if a.payload_is::<PyList>() {
        (a, b)
    } else if b.payload_is::<PyList>() {
        (b, a)
    } else {
        return Ok(vm.not_implemented());
    };
    if !is_index_like(n) {
        if !seq.is(a) {
            return Ok(vm.not_implemented());
        }
        let lt = vm.types.list_type.clone();
        if let Some(r) = seqcommon::try_reflected(vm, a, b, NumberOp::Multiply, &lt)? {
            return Ok(r);
        }
    }
    let count = seqcommon::repeat_count(vm, n)?;
    let src = this(vm, seq)?.to_vec();
    let total = seqcommon::check_size(vm, src.len(), count)?;
    let mut v = seqcommon::alloc_vec(vm, total)?;
    for _ in 0..count {
        v.extend_from_slice(&src);
    }
    Ok(vm.new_list(v).into_object())
}

fn list_iadd(vm: &VM, a: &PyObjectRef, b: &PyObjectRef) -> PyResult<PyObjectRef> {
    let Some(l) = a.downcast_ref::<PyList>() else {
        return Ok(vm.not_implemented());
    };
    // CPython tries `b.__radd__` before the in-place concatenation.
    if !b.payload_is::<PyList>() && !b.payload_is::<PyTuple>() {
        let lt = vm.types.list_type.clone();
        if let Some(r) = seqcommon::try_reflected(vm, a, b, NumberOp::Add, &lt)? {
            return Ok(r);
        }
    }
    list_extend_obj(vm, l, b)?;
    Ok(a.clone())
}

fn list_imul(vm: &VM, a: &PyObjectRef, b: &PyObjectRef) -> PyResult<PyObjectRef> {
    let Some(l) = a.downcast_ref::<PyList>() else {
        return Ok(vm.not_implemented());
    };
    let count = seqcommon::repeat_count(vm, b)?;
    let src = l.to_vec();
    let total = seqcommon::check_size(vm, src.len(), count)?;
    let mut v = seqcommon::alloc_vec(vm, total)?;
    for _ in 0..count {
        v.extend_from_slice(&src);
    }
    l.replace(v);
    Ok(a.clone())
}

// ----- methods ---------------------------------------------------------

type Args<'a> = &'a [PyObjectRef];
type Kw<'a> = Option<&'a PyTupleRef>;

/// `list.__getitem__` is a METH_O method in CPython (beside the slot), so
/// its argument errors are worded as a method's.
fn list_getitem_method(vm: &VM, a: Args, kw: Kw) -> PyResult<PyObjectRef> {
    let (me, a) = method_args(vm, "list.__getitem__", a, kw, 1, 1)?;
    this(vm, me)?;
    list_getitem(vm, me, &a[0])
}

fn list_append(vm: &VM, a: Args, kw: Kw) -> PyResult<PyObjectRef> {
    let (me, a) = method_args(vm, "list.append", a, kw, 1, 1)?;
    this(vm, me)?.push(a[0].clone());
    Ok(vm.none())
}

fn list_extend(vm: &VM, a: Args, kw: Kw) -> PyResult<PyObjectRef> {
    let (me, a) = method_args(vm, "list.extend", a, kw, 1, 1)?;
    list_extend_obj(vm, this(vm, me)?, &a[0])?;
    Ok(vm.none())
}

fn list_insert(vm: &VM, a: Args, kw: Kw) -> PyResult<PyObjectRef> {
    let (me, a) = method_args(vm, "insert", a, kw, 2, 2)?;
    let l = this(vm, me)?;
    let i = seqcommon::as_ssize(vm, &a[0])?;
    let mut items = l.items.borrow_mut();
    let n = items.len() as isize;
    let pos = if i < 0 { (i + n).max(0) } else { i.min(n) };
    items.insert(pos as usize, a[1].clone());
    Ok(vm.none())
}

fn list_remove(vm: &VM, a: Args, kw: Kw) -> PyResult<PyObjectRef> {
    let (me, a) = method_args(vm, "list.remove", a, kw, 1, 1)?;
    let l = this(vm, me)?;
    let mut i = 0;
    while let Some(x) = l.get(i) {
        if seqcommon::seq_eq(vm, &x, &a[0])? {
            let removed = {
                let mut items = l.items.borrow_mut();
                (i < items.len()).then(|| items.remove(i))
            };
            drop(removed);
            return Ok(vm.none());
        }
        i += 1;
    }
    Err(vm.new_value_error("list.remove(x): x not in list"))
}

fn list_pop(vm: &VM, a: Args, kw: Kw) -> PyResult<PyObjectRef> {
    let (me, a) = method_args(vm, "pop", a, kw, 0, 1)?;
    let l = this(vm, me)?;
    let i = match a.first() {
        Some(x) => seqcommon::as_ssize(vm, x)?,
        None => -1,
    };
    let mut items = l.items.borrow_mut();
    if items.is_empty() {
        return Err(vm.new_index_error("pop from empty list"));
    }
    match normalize_index(i, items.len()) {
        Some(j) if j + 1 == items.len() => Ok(items.pop().unwrap_or_else(|| vm.none())),
        Some(j) => Ok(items.remove(j)),
        None => Err(vm.new_index_error("pop index out of range")),
    }
}

fn list_clear(vm: &VM, a: Args, kw: Kw) -> PyResult<PyObjectRef> {
    let (me, _) = method_args(vm, "list.clear", a, kw, 0, 0)?;
    this(vm, me)?.replace(Vec::new());
    Ok(vm.none())
}

fn list_index(vm: &VM, a: Args, kw: Kw) -> PyResult<PyObjectRef> {
    let (me, a) = method_args(vm, "index", a, kw, 1, 3)?;
    let l = this(vm, me)?;
    let items = l.to_vec();
    match crate::objects::tupleobject::index_in(vm, &items, a)? {
        Some(i) => Ok(vm.new_int(i as i64)),
        None => Err(vm.new_value_error(format!("{} is not in list", vm.repr_string(&a[0])?))),
    }
}

fn list_count(vm: &VM, a: Args, kw: Kw) -> PyResult<PyObjectRef> {
    let (me, a) = method_args(vm, "list.count", a, kw, 1, 1)?;
    let l = this(vm, me)?;
    let mut n = 0;
    let mut i = 0;
    while let Some(x) = l.get(i) {
        if seqcommon::seq_eq(vm, &x, &a[0])? {
            n += 1;
        }
        i += 1;
    }
    Ok(vm.new_int(n))
}

fn list_reverse(vm: &VM, a: Args, kw: Kw) -> PyResult<PyObjectRef> {
    let (me, _) = method_args(vm, "list.reverse", a, kw, 0, 0)?;
    this(vm, me)?.items.borrow_mut().reverse();
    Ok(vm.none())
}

fn list_copy(vm: &VM, a: Args, kw: Kw) -> PyResult<PyObjectRef> {
    let (me, _) = method_args(vm, "list.copy", a, kw, 0, 0)?;
    Ok(vm.new_list(this(vm, me)?.to_vec()).into_object())
}

fn list_reversed(vm: &VM, a: Args, kw: Kw) -> PyResult<PyObjectRef> {
    let (me, _) = method_args(vm, "list.__reversed__", a, kw, 0, 0)?;
    let l = me
        .downcast_cloned::<PyList>()
        .ok_or_else(|| vm.new_type_error("expected a list"))?;
    let n = l.payload.len();
    Ok(PyRef::new_exact(
        PyListReverseIterator {
            list: RefCell::new(Some(l)),
            index: Cell::new(n),
        },
        vm.types.list_reverseiterator_type.clone(),
    )
    .into_object())
}

fn list_sizeof(vm: &VM, a: Args, kw: Kw) -> PyResult<PyObjectRef> {
    let (me, _) = method_args(vm, "list.__sizeof__", a, kw, 0, 0)?;
    let cap = this(vm, me)?.items.borrow().capacity();
    Ok(vm.new_int(40 + 8 * cap as i64))
}

/// Fills the slots and methods of this file's type(s).
pub(crate) fn init(vm: &crate::VM) {
    let ty = &vm.types.list_type;
    let sl = &ty.payload.slots;
    sl.new.set(Some(list_new));
    sl.init.set(Some(list_init));
    sl.repr.set(Some(list_repr));
    sl.richcompare.set(Some(list_richcompare));
    sl.len.set(Some(list_len));
    sl.contains.set(Some(list_contains));
    sl.getitem.set(Some(list_getitem));
    sl.setitem.set(Some(list_setitem));
    sl.iter.set(Some(list_iter));
    sl.nb_binary[NumberOp::Add as usize].set(Some(list_add));
    sl.nb_binary[NumberOp::Multiply as usize].set(Some(list_mul));
    sl.nb_inplace[NumberOp::Add as usize].set(Some(list_iadd));
    sl.nb_inplace[NumberOp::Multiply as usize].set(Some(list_imul));
    vm.add_class_attr(ty, "__hash__", vm.none());
    vm.add_method(ty, "__getitem__", list_getitem_method);
    vm.add_method(ty, "append", list_append);
    vm.add_method(ty, "extend", list_extend);
    vm.add_method(ty, "insert", list_insert);
    vm.add_method(ty, "remove", list_remove);
    vm.add_method(ty, "pop", list_pop);
    vm.add_method(ty, "clear", list_clear);
    vm.add_method(ty, "index", list_index);
    vm.add_method(ty, "count", list_count);
    vm.add_method(ty, "reverse", list_reverse);
    vm.add_method(ty, "copy", list_copy);
    vm.add_method(ty, "sort", crate::objects::list_sort::list_sort);
    vm.add_method(ty, "__reversed__", list_reversed);
    vm.add_method(ty, "__sizeof__", list_sizeof);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::objects::container_testutil::*;

    fn list(vm: &VM, v: &[i64]) -> PyObjectRef {
        vm.new_list(ints(vm, v)).into_object()
    }

    #[test]
    fn repr_and_recursion() {
        let vm = vm();
        let l = list(&vm, &[1, 2]);
        assert_eq!(repr(&vm, &l), "[1, 2]");
        this(&vm, &l).ok().unwrap().push(l.clone());
        assert_eq!(repr(&vm, &l), "[1, 2, [...]]");
        let t = vm.new_tuple_obj(vec![l.clone()]);
        this(&vm, &l).ok().unwrap().push(t.clone());
        assert_eq!(repr(&vm, &l), "[1, 2, [...], ([...],)]");
        assert_eq!(repr(&vm, &t), "([1, 2, [...], (...)],)");
        // Break the cycle so the test does not leak.
        this(&vm, &l).ok().unwrap().replace(Vec::new());
    }

    #[test]
    fn indexing_and_slices() {
        let vm = vm();
        let l = list(&vm, &[0, 1, 2, 3, 4, 5]);
        let s =
            crate::objects::sliceobject::new_slice(&vm, vm.new_int(1), vm.none(), vm.new_int(2));
        assert_eq!(repr(&vm, &vm.get_item(&l, &s).ok().unwrap()), "[1, 3, 5]");
        let r = vm.set_item(&l, &s, list(&vm, &[9]));
        assert_eq!(
            err(&vm, r),
            "ValueError: attempt to assign sequence of size 1 to extended slice of size 3"
        );
        let r = vm.set_item(&l, &s, vm.new_int(5));
        assert_eq!(
            err(&vm, r),
            "TypeError: must assign iterable to extended slice"
        );
        vm.set_item(&l, &s, list(&vm, &[7, 8, 9])).ok().unwrap();
        assert_eq!(repr(&vm, &l), "[0, 7, 2, 8, 4, 9]");
        vm.del_item(&l, &s).ok().unwrap();
        assert_eq!(repr(&vm, &l), "[0, 2, 4]");
        let s2 =
            crate::objects::sliceobject::new_slice(&vm, vm.new_int(1), vm.new_int(2), vm.none());
        vm.set_item(&l, &s2, list(&vm, &[5, 5, 5])).ok().unwrap();
        assert_eq!(repr(&vm, &l), "[0, 5, 5, 5, 4]");
        let r = vm.get_item(&l, &vm.new_int(10));
        assert_eq!(err(&vm, r), "IndexError: list index out of range");
        let r = vm.set_item(&l, &vm.new_int(10), vm.none());
        assert_eq!(
            err(&vm, r),
            "IndexError: list assignment index out of range"
        );
        let r = vm.get_item(&l, &vm.new_str_obj("a"));
        assert_eq!(
            err(&vm, r),
            "TypeError: list indices must be integers or slices, not str"
        );
        assert_eq!(
            repr(&vm, &vm.get_item(&l, &vm.new_int(-1)).ok().unwrap()),
            "4"
        );
        // l[::-1] and self-assignment l[:] = l
        let rev = crate::objects::sliceobject::new_slice(&vm, vm.none(), vm.none(), vm.new_int(-1));
        assert_eq!(
            repr(&vm, &vm.get_item(&l, &rev).ok().unwrap()),
            "[4, 5, 5, 5, 0]"
        );
        let all = crate::objects::sliceobject::new_slice(&vm, vm.none(), vm.none(), vm.none());
        vm.set_item(&l, &all, l.clone()).ok().unwrap();
        assert_eq!(repr(&vm, &l), "[0, 5, 5, 5, 4]");
    }

    #[test]
    fn methods_and_errors() {
        let vm = vm();
        let l = list(&vm, &[1, 2, 3]);
        let e = |r| err(&vm, r);
        assert_eq!(
            e(list_append(&vm, &[l.clone()], None)),
            "TypeError: list.append() takes exactly one argument (0 given)"
        );
        assert_eq!(
            e(list_insert(&vm, &[l.clone(), vm.new_int(1)], None)),
            "TypeError: insert expected 2 arguments, got 1"
        );
        assert_eq!(
            e(list_index(&vm, &[l.clone(), vm.new_int(7)], None)),
            "ValueError: 7 is not in list"
        );
        assert_eq!(
            e(list_remove(&vm, &[l.clone(), vm.new_int(7)], None)),
            "ValueError: list.remove(x): x not in list"
        );
        let empty = list(&vm, &[]);
        assert_eq!(
            e(list_pop(&vm, &[empty.clone()], None)),
            "IndexError: pop from empty list"
        );
        assert_eq!(
            e(list_pop(&vm, &[l.clone(), vm.new_int(5)], None)),
            "IndexError: pop index out of range"
        );
        assert_eq!(
            e(list_copy(&vm, &[l.clone(), vm.new_int(5)], None)),
            "TypeError: list.copy() takes no arguments (1 given)"
        );
        list_insert(&vm, &[l.clone(), vm.new_int(-1), vm.new_int(9)], None)
            .ok()
            .unwrap();
        assert_eq!(repr(&vm, &l), "[1, 2, 9, 3]");
        let idx = list_index(&vm, &[l.clone(), vm.new_int(3), vm.new_int(-1)], None);
        assert_eq!(repr(&vm, &idx.ok().unwrap()), "3");
        let p = list_pop(&vm, &[l.clone(), vm.new_int(0)], None)
            .ok()
            .unwrap();
        assert_eq!(repr(&vm, &p), "1");
        list_reverse(&vm, &[l.clone()], None).ok().unwrap();
        assert_eq!(repr(&vm, &l), "[3, 9, 2]");
        assert_eq!(
            e(vm.binary_op(&l, &vm.new_int(1), NumberOp::Add)),
            "TypeError: can only concatenate list (not \"int\") to list"
        );
        assert_eq!(
            e(vm.binary_op(&l, &vm.new_str_obj("a"), NumberOp::Multiply)),
            "TypeError: can't multiply sequence by non-int of type 'str'"
        );
        let r = vm
            .binary_op(&vm.new_int(2), &l, NumberOp::Multiply)
            .ok()
            .unwrap();
        assert_eq!(repr(&vm, &r), "[3, 9, 2, 3, 9, 2]");
        assert_eq!(
            e(vm.inplace_op(&l, &vm.new_int(1), NumberOp::Add)),
            "TypeError: 'int' object is not iterable"
        );
        let t = vm.new_tuple_obj(ints(&vm, &[4]));
        vm.inplace_op(&l, &t, NumberOp::Add).ok().unwrap();
        assert_eq!(repr(&vm, &l), "[3, 9, 2, 4]");
        let lt = vm.rich_compare(&list(&vm, &[1, 2]), &list(&vm, &[1, 3]), CompareOp::Lt);
        assert_eq!(repr(&vm, &lt.ok().unwrap()), "True");
        assert_eq!(err(&vm, vm.hash(&l)), "TypeError: unhashable type: 'list'");
        let r = list_init(&vm, &l, &[vm.new_int(1)], None);
        assert_eq!(err(&vm, r), "TypeError: 'int' object is not iterable");
    }
}
