//! `tuple` (CPython's Objects/tupleobject.c).

use std::cell::{Cell, RefCell};

use crate::object::{PyObjectRef, PyPayload, PyRef, PyTypeRef};
use crate::objects::iterobject::PyTupleIterator;
use crate::objects::seqcommon::{self, with_repr_guard};
use crate::objects::sliceobject::{self, PySlice};
use crate::objects::typeobject::{CompareOp, NumberOp};
use crate::python::args;
use crate::{PyResult, VM};

pub type PyTupleRef = PyRef<PyTuple>;

pub struct PyTuple {
    items: Box<[PyObjectRef]>,
}

impl Drop for PyTuple {
    fn drop(&mut self) {
        let items = std::mem::take(&mut self.items).into_vec();
        crate::objects::listobject::drop_last_first(items);
    }
}

impl PyPayload for PyTuple {
    fn class(vm: &VM) -> &PyTypeRef {
        &vm.types.tuple_type
    }

    const GC: bool = true;

    /// A tuple's items never change, so one holding no container can
    /// never be part of a cycle (CPython untracks such tuples when its
    /// collector first sees them; they are simply never tracked here).
    #[inline]
    fn track_on_alloc(&self) -> bool {
        self.items.iter().any(|x| x.may_be_container())
    }

    fn traverse(&self, visit: &mut dyn FnMut(&PyObjectRef)) {
        self.items.iter().for_each(visit);
    }
}

impl PyTuple {
    pub fn new(items: Vec<PyObjectRef>) -> PyTuple {
        PyTuple {
            items: items.into_boxed_slice(),
        }
    }

    #[inline]
    pub fn as_slice(&self) -> &[PyObjectRef] {
        &self.items
    }

    #[inline]
    pub fn len(&self) -> usize {
        self.items.len()
    }

    #[inline]
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }
}

impl VM {
    pub fn new_tuple(&self, items: Vec<PyObjectRef>) -> PyTupleRef {
        if items.is_empty() {
            return self.ctx.empty_tuple.clone();
        }
        PyRef::new_exact(PyTuple::new(items), self.types.tuple_type.clone())
    }

    pub fn new_tuple_obj(&self, items: Vec<PyObjectRef>) -> PyObjectRef {
        self.new_tuple(items).into_object()
    }
}

fn this<'a>(vm: &VM, obj: &'a PyObjectRef) -> PyResult<&'a PyTuple> {
    obj.downcast_ref::<PyTuple>().ok_or_else(|| {
        vm.new_type_error(format!(
            "descriptor requires a 'tuple' object but received a '{}'",
            obj.class().name_string()
        ))
    })
}

fn is_exact(vm: &VM, obj: &PyObjectRef) -> bool {
    obj.class().is(&vm.types.tuple_type)
}

fn tuple_new(
    vm: &VM,
    cls: &PyTypeRef,
    a: &[PyObjectRef],
    kw: Option<&PyTupleRef>,
) -> PyResult<PyObjectRef> {
    if cls.is(&vm.types.tuple_type) {
        let a = args::positional(vm, "tuple", a, kw, 0, 1)?;
        return match a.first() {
            None => Ok(vm.ctx.empty_tuple.clone().into_object()),
            Some(x) if is_exact(vm, x) => Ok(x.clone()),
            Some(x) => Ok(vm.new_tuple_obj(vm.collect(x)?)),
        };
    }
    // Subclasses may take keywords in their own __init__; only the
    // positional iterable matters here.
    let nkw = kw.map(|k| k.payload.len()).unwrap_or(0);
    let pos = &a[..a.len() - nkw];
    if nkw > 0 && cls.lookup_str(vm, "__init__").is_none() {
        return Err(vm.new_type_error("tuple() takes no keyword arguments"));
    }
    if pos.len() > 1 {
        return Err(vm.new_type_error(format!(
            "tuple expected at most 1 argument, got {}",
            pos.len()
        )));
    }
    let items = match pos.first() {
        Some(x) => vm.collect(x)?,
        None => Vec::new(),
    };
    Ok(PyRef::new_with_type(PyTuple::new(items), cls.clone()).into_object())
}

fn tuple_repr(vm: &VM, obj: &PyObjectRef) -> PyResult<PyObjectRef> {
    let t = this(vm, obj)?;
    if t.is_empty() {
        return Ok(vm.new_str_obj("()"));
    }
    with_repr_guard(vm, obj, "(...)", || {
        let body = seqcommon::join_reprs(vm, t.as_slice())?;
        Ok(if t.len() == 1 {
            format!("({body},)")
        } else {
            format!("({body})")
        })
    })
}

fn tuple_hash(vm: &VM, obj: &PyObjectRef) -> PyResult<i64> {
    let t = this(vm, obj)?;
    let mut h = rython_common::hash::TupleHasher::new();
    for x in t.as_slice() {
        h.add(vm.hash(x)?);
    }
    Ok(h.finish())
}

fn tuple_richcompare(
    vm: &VM,
    a: &PyObjectRef,
    b: &PyObjectRef,
    op: CompareOp,
) -> PyResult<PyObjectRef> {
    let (Some(x), Some(y)) = (a.downcast_ref::<PyTuple>(), b.downcast_ref::<PyTuple>()) else {
        return Ok(vm.not_implemented());
    };
    seqcommon::seq_richcompare(vm, x.as_slice(), y.as_slice(), op)
}

fn tuple_len(vm: &VM, obj: &PyObjectRef) -> PyResult<usize> {
    Ok(this(vm, obj)?.len())
}

fn tuple_contains(vm: &VM, obj: &PyObjectRef, x: &PyObjectRef) -> PyResult<bool> {
    for item in this(vm, obj)?.as_slice() {
        if seqcommon::seq_eq(vm, item, x)? {
            return Ok(true);
        }
    }
    Ok(false)
}

/// `seq[i]` index normalisation shared by list and tuple: `None` when out
/// of range.
pub fn normalize_index(i: isize, len: usize) -> Option<usize> {
    let j = if i < 0 { i + len as isize } else { i };
    if j < 0 || j as usize >= len {
        None
    } else {
        Some(j as usize)
    }
}

/// Items of `items[slice]`.
pub fn slice_items(vm: &VM, items: &[PyObjectRef], s: &PySlice) -> PyResult<Vec<PyObjectRef>> {
    let (start, stop, step, n) = sliceobject::adjust_indices(vm, s, items.len())?;
    if step == 1 {
        if n == 0 {
            return Ok(Vec::new());
        }
        return Ok(items[start as usize..stop as usize].to_vec());
    }
    Ok(sliceobject::slice_positions(start, step, n)
        .map(|i| items[i].clone())
        .collect())
}

fn tuple_getitem(vm: &VM, obj: &PyObjectRef, key: &PyObjectRef) -> PyResult<PyObjectRef> {
    let t = this(vm, obj)?;
    if let Some(s) = key.downcast_ref::<PySlice>() {
        let (start, _, step, n) = sliceobject::adjust_indices(vm, s, t.len())?;
        if n == t.len() && step == 1 && start == 0 && is_exact(vm, obj) {
            return Ok(obj.clone());
        }
        return Ok(vm.new_tuple_obj(slice_items(vm, t.as_slice(), s)?));
    }
    let i = vm.to_isize(key, "tuple indices")?;
    match normalize_index(i as isize, t.len()) {
        Some(j) => Ok(t.as_slice()[j].clone()),
        None => Err(vm.new_index_error("tuple index out of range")),
    }
}

fn tuple_iter(vm: &VM, obj: &PyObjectRef) -> PyResult<PyObjectRef> {
    let t = obj
        .downcast_cloned::<PyTuple>()
        .ok_or_else(|| vm.new_type_error("expected a tuple"))?;
    Ok(PyRef::new_exact(
        PyTupleIterator {
            tuple: RefCell::new(Some(t)),
            index: Cell::new(0),
        },
        vm.types.tuple_iterator_type.clone(),
    )
    .into_object())
}

fn tuple_add(vm: &VM, a: &PyObjectRef, b: &PyObjectRef) -> PyResult<PyObjectRef> {
    let Some(x) = a.downcast_ref::<PyTuple>() else {
        return Ok(vm.not_implemented());
    };
    let Some(y) = b.downcast_ref::<PyTuple>() else {
        let tt = vm.types.tuple_type.clone();
        if let Some(r) = seqcommon::try_reflected(vm, a, b, NumberOp::Add, &tt)? {
            return Ok(r);
        }
        return Err(vm.new_type_error(format!(
            "can only concatenate tuple (not \"{}\") to tuple",
            b.class().name_string()
        )));
    };
    if y.is_empty() && is_exact(vm, a) {
        return Ok(a.clone());
    }
    if x.is_empty() && is_exact(vm, b) {
        return Ok(b.clone());
    }
    let mut v = Vec::with_capacity(x.len() + y.len());
    v.extend_from_slice(x.as_slice());
    v.extend_from_slice(y.as_slice());
    Ok(vm.new_tuple_obj(v))
}

fn tuple_mul(vm: &VM, a: &PyObjectRef, b: &PyObjectRef) -> PyResult<PyObjectRef> {
    let (seq, n) = if a.payload_is::<PyTuple>() {
        (a, b)
    } else if b.payload_is::<PyTuple>() {
        (b, a)
    } else {
        return Ok(vm.not_implemented());
    };
    if seq.is(a) {
        let tt = vm.types.tuple_type.clone();
        if !n.payload_is::<crate::objects::longobject::PyInt>()
            && n.class().payload.slots.nb_index.get().is_none()
        {
            if let Some(r) = seqcommon::try_reflected(vm, a, b, NumberOp::Multiply, &tt)? {
                return Ok(r);
            }
        }
    } else if n.class().payload.slots.nb_index.get().is_none()
        && !n.payload_is::<crate::objects::longobject::PyInt>()
    {
        return Ok(vm.not_implemented());
    }
    let t = this(vm, seq)?;
    let count = seqcommon::repeat_count(vm, n)?;
    if count == 1 && is_exact(vm, seq) {
        return Ok(seq.clone());
    }
    let total = seqcommon::check_size(vm, t.len(), count)?;
    let mut v = seqcommon::alloc_vec(vm, total)?;
    for _ in 0..count {
        v.extend_from_slice(t.as_slice());
    }
    Ok(vm.new_tuple_obj(v))
}

/// `x.index(value, start, stop)` search over a snapshot.
pub fn index_in(vm: &VM, items: &[PyObjectRef], a: &[PyObjectRef]) -> PyResult<Option<usize>> {
    let start = match a.get(1) {
        Some(s) => seqcommon::index_bound(vm, s)?,
        None => 0,
    };
    let stop = match a.get(2) {
        Some(s) => seqcommon::index_bound(vm, s)?,
        None => isize::MAX,
    };
    let (lo, hi) = seqcommon::clip_range(items.len(), start, stop);
    for (i, item) in items.iter().enumerate().take(hi).skip(lo) {
        if seqcommon::seq_eq(vm, item, &a[0])? {
            return Ok(Some(i));
        }
    }
    Ok(None)
}

fn tuple_index(vm: &VM, a: &[PyObjectRef], kw: Option<&PyTupleRef>) -> PyResult<PyObjectRef> {
    let (me, a) = seqcommon::method_args(vm, "index", a, kw, 1, 3)?;
    let t = this(vm, me)?;
    match index_in(vm, t.as_slice(), a)? {
        Some(i) => Ok(vm.new_int(i as i64)),
        None => Err(vm.new_value_error("tuple.index(x): x not in tuple")),
    }
}

fn tuple_count(vm: &VM, a: &[PyObjectRef], kw: Option<&PyTupleRef>) -> PyResult<PyObjectRef> {
    let (me, a) = seqcommon::method_args(vm, "tuple.count", a, kw, 1, 1)?;
    let t = this(vm, me)?;
    let mut n = 0;
    for x in t.as_slice() {
        if seqcommon::seq_eq(vm, x, &a[0])? {
            n += 1;
        }
    }
    Ok(vm.new_int(n))
}

fn tuple_getnewargs(vm: &VM, a: &[PyObjectRef], kw: Option<&PyTupleRef>) -> PyResult<PyObjectRef> {
    let (me, _) = seqcommon::method_args(vm, "tuple.__getnewargs__", a, kw, 0, 0)?;
    let t = this(vm, me)?;
    let copy = vm.new_tuple_obj(t.as_slice().to_vec());
    Ok(vm.new_tuple_obj(vec![copy]))
}

/// Fills the slots and methods of this file's type(s).
pub(crate) fn init(vm: &crate::VM) {
    let ty = &vm.types.tuple_type;
    let sl = &ty.payload.slots;
    sl.new.set(Some(tuple_new));
    sl.repr.set(Some(tuple_repr));
    sl.hash.set(Some(tuple_hash));
    sl.richcompare.set(Some(tuple_richcompare));
    sl.len.set(Some(tuple_len));
    sl.contains.set(Some(tuple_contains));
    sl.getitem.set(Some(tuple_getitem));
    sl.iter.set(Some(tuple_iter));
    sl.nb_binary[NumberOp::Add as usize].set(Some(tuple_add));
    sl.nb_binary[NumberOp::Multiply as usize].set(Some(tuple_mul));
    vm.add_method(ty, "index", tuple_index);
    vm.add_method(ty, "count", tuple_count);
    vm.add_method(ty, "__getnewargs__", tuple_getnewargs);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::objects::container_testutil::*;

    #[test]
    fn tuple_basics() {
        let vm = vm();
        let t = vm.new_tuple_obj(ints(&vm, &[1]));
        assert_eq!(repr(&vm, &t), "(1,)");
        let t2 = vm.new_tuple_obj(ints(&vm, &[1, 2]));
        assert_eq!(repr(&vm, &t2), "(1, 2)");
        assert_eq!(repr(&vm, &vm.new_tuple_obj(vec![])), "()");
        assert_eq!(vm.hash(&t2).ok(), Some(-3550055125485641917));
        assert_eq!(vm.hash(&t).ok(), Some(-6644214454873602895));
        assert_eq!(
            vm.hash(&vm.new_tuple_obj(vec![])).ok(),
            Some(5740354900026072187)
        );
        let r = vm.binary_op(&t, &vm.new_int(1), NumberOp::Add);
        assert_eq!(
            err(&vm, r),
            "TypeError: can only concatenate tuple (not \"int\") to tuple"
        );
        let r = vm.binary_op(&t, &t2, NumberOp::Add).ok().unwrap();
        assert_eq!(repr(&vm, &r), "(1, 1, 2)");
        let r = vm
            .binary_op(&vm.new_int(2), &t2, NumberOp::Multiply)
            .ok()
            .unwrap();
        assert_eq!(repr(&vm, &r), "(1, 2, 1, 2)");
        assert_eq!(
            err(&vm, vm.get_item(&t, &vm.new_int(5))),
            "IndexError: tuple index out of range"
        );
        let s = crate::objects::sliceobject::new_slice(&vm, vm.none(), vm.none(), vm.new_int(-1));
        assert_eq!(repr(&vm, &vm.get_item(&t2, &s).ok().unwrap()), "(2, 1)");
        let lt = vm.rich_compare(&t2, &vm.new_tuple_obj(ints(&vm, &[1, 2, 0])), CompareOp::Lt);
        assert_eq!(repr(&vm, &lt.ok().unwrap()), "True");
        let r = tuple_index(&vm, &[t.clone(), vm.new_int(2)], None);
        assert_eq!(err(&vm, r), "ValueError: tuple.index(x): x not in tuple");
        let r = tuple_getnewargs(&vm, &[t.clone()], None).ok().unwrap();
        assert_eq!(repr(&vm, &r), "((1,),)");
        let two = vm.new_int(2);
        let r = tuple_new(&vm, &vm.types.tuple_type, &[two.clone(), two], None);
        assert_eq!(
            err(&vm, r),
            "TypeError: tuple expected at most 1 argument, got 2"
        );
    }
}
