//! Iterator types of the builtin containers (CPython's Objects/iterobject.c,
//! listobject.c, tupleobject.c, rangeobject.c, unicodeobject.c,
//! dictobject.c, setobject.c). `enumerate`, `reversed`, `zip`, `map` and
//! `filter` are in `enumobject.rs`.

use std::cell::{Cell, RefCell};

use num_bigint::BigInt;

use crate::object::{PyObjectRef, PyPayload, PyRef, PyTypeRef};
use crate::objects::dictobject::PyDictRef;
use crate::objects::listobject::PyListRef;
use crate::objects::seqcommon::method_args;
use crate::objects::setobject::PySet;
use crate::objects::strobject::PyStrRef;
use crate::objects::tupleobject::PyTupleRef;
use crate::objects::typeobject::IterNextFn;
use crate::{PyResult, VM};

macro_rules! payload {
    ($t:ident, $field:ident) => {
        impl PyPayload for $t {
            fn class(vm: &VM) -> &PyTypeRef {
                &vm.types.$field
            }
        }
    };
}

pub struct PyListIterator {
    pub list: RefCell<Option<PyListRef>>,
    pub index: Cell<usize>,
}
payload!(PyListIterator, list_iterator_type);

pub struct PyListReverseIterator {
    pub list: RefCell<Option<PyListRef>>,
    /// Next index + 1 (0 = exhausted).
    pub index: Cell<usize>,
}
payload!(PyListReverseIterator, list_reverseiterator_type);

pub struct PyTupleIterator {
    pub tuple: RefCell<Option<PyTupleRef>>,
    pub index: Cell<usize>,
}
payload!(PyTupleIterator, tuple_iterator_type);

/// Iterates a range whose values fit in i64 (CPython's `range_iterator`);
/// larger ranges use `PyLongRangeIterator`.
pub struct PyRangeIterator {
    pub next: Cell<i64>,
    pub step: i64,
    pub remaining: Cell<u64>,
}
payload!(PyRangeIterator, range_iterator_type);

/// `longrange_iterator`: ranges beyond i64.
pub struct PyLongRangeIterator {
    pub start: BigInt,
    pub step: BigInt,
    pub len: BigInt,
    pub index: RefCell<BigInt>,
}

impl PyPayload for PyLongRangeIterator {
    fn class(vm: &VM) -> &PyTypeRef {
        // Only ever allocated with its own type from `extra_types`.
        &vm.types.range_iterator_type
    }
}

pub struct PyStrIterator {
    pub s: PyStrRef,
    pub byte_pos: Cell<usize>,
}
payload!(PyStrIterator, str_iterator_type);

/// `bytes_iterator` and `bytearray_iterator`; the reference goes when the
/// iterator is exhausted.
pub struct PyBytesIterator {
    pub bytes: RefCell<Option<PyObjectRef>>,
    pub index: Cell<usize>,
}
payload!(PyBytesIterator, bytes_iterator_type);

/// The `__getitem__`-based iterator of `iter(seq)` (`iterator`).
pub struct PySeqIterator {
    pub seq: RefCell<Option<PyObjectRef>>,
    pub index: Cell<usize>,
}
payload!(PySeqIterator, seq_iterator_type);

/// `iter(callable, sentinel)`.
pub struct PyCallableIterator {
    pub callable: RefCell<Option<PyObjectRef>>,
    pub sentinel: PyObjectRef,
}
payload!(PyCallableIterator, callable_iterator_type);

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DictViewKind {
    Keys,
    Values,
    Items,
}

/// `dict_keys`, `dict_values`, `dict_items` share this layout.
pub struct PyDictView {
    pub dict: PyDictRef,
    pub kind: DictViewKind,
}
payload!(PyDictView, dict_keys_type);

/// Dict iterators (forward and reversed): position in the dense entry
/// array, and the size at creation to detect "changed size during
/// iteration".
pub struct PyDictIterator {
    pub dict: PyDictRef,
    pub kind: DictViewKind,
    pub pos: Cell<usize>,
    pub initial_len: usize,
    pub remaining: Cell<usize>,
    pub reversed: bool,
}
payload!(PyDictIterator, dict_keyiterator_type);

pub struct PySetIterator {
    /// None once exhausted.
    pub set: RefCell<Option<PyRef<PySet>>>,
    pub pos: Cell<usize>,
    /// Size at creation; None after a size change (the error is sticky).
    pub used: Cell<Option<usize>>,
    pub len: Cell<usize>,
}
payload!(PySetIterator, set_iterator_type);

pub struct PyEnumerate {
    pub iter: PyObjectRef,
    pub count: RefCell<PyObjectRef>,
}
payload!(PyEnumerate, enumerate_type);

pub struct PyReversed {
    pub seq: RefCell<Option<PyObjectRef>>,
    /// Next index + 1 (0 = exhausted).
    pub index: Cell<usize>,
}
payload!(PyReversed, reversed_type);

pub struct PyZip {
    pub iters: Vec<PyObjectRef>,
    pub strict: bool,
}
payload!(PyZip, zip_type);

pub struct PyMap {
    pub func: PyObjectRef,
    pub iters: Vec<PyObjectRef>,
}
payload!(PyMap, map_type);

pub struct PyFilter {
    pub func: PyObjectRef,
    pub iter: PyObjectRef,
}
payload!(PyFilter, filter_type);

/// Builtin iterator types that `Types` has no field for, made once per
/// interpreter at start-up.
#[derive(Clone)]
pub struct ExtraTypes {
    pub dict_reversekeyiterator: PyTypeRef,
    pub dict_reversevalueiterator: PyTypeRef,
    pub dict_reverseitemiterator: PyTypeRef,
    pub longrange_iterator: PyTypeRef,
    pub generic_alias: PyTypeRef,
}

impl ExtraTypes {
    pub fn dict_reverse_iter(&self, kind: DictViewKind) -> PyTypeRef {
        match kind {
            DictViewKind::Keys => self.dict_reversekeyiterator.clone(),
            DictViewKind::Values => self.dict_reversevalueiterator.clone(),
            DictViewKind::Items => self.dict_reverseitemiterator.clone(),
        }
    }
}

thread_local! {
    /// Keyed by the id of the interpreter's `dict` type (static types are
    /// immortal, so ids are never reused).
    static EXTRA: RefCell<Vec<(usize, ExtraTypes)>> = const { RefCell::new(Vec::new()) };
}

pub fn extra_types(vm: &VM) -> ExtraTypes {
    let id = vm.types.dict_type.as_object().id();
    if let Some(e) = EXTRA.with(|x| {
        x.borrow()
            .iter()
            .find(|(k, _)| *k == id)
            .map(|(_, e)| e.clone())
    }) {
        return e;
    }
    let mk = |name: &str, dict_layout: bool| {
        if dict_layout {
            crate::vm::new_static_type::<PyDictIterator>(
                &vm.types.type_type,
                name,
                Some(&vm.types.object_type),
                0,
            )
        } else {
            crate::vm::new_static_type::<PyLongRangeIterator>(
                &vm.types.type_type,
                name,
                Some(&vm.types.object_type),
                0,
            )
        }
    };
    let e = ExtraTypes {
        dict_reversekeyiterator: mk("dict_reversekeyiterator", true),
        dict_reversevalueiterator: mk("dict_reversevalueiterator", true),
        dict_reverseitemiterator: mk("dict_reverseitemiterator", true),
        longrange_iterator: mk("longrange_iterator", false),
        generic_alias: crate::vm::new_static_type::<
            crate::objects::genericaliasobject::PyGenericAlias,
        >(
            &vm.types.type_type,
            "GenericAlias",
            Some(&vm.types.object_type),
            0,
        ),
    };
    EXTRA.with(|x| x.borrow_mut().push((id, e.clone())));
    e
}

fn self_iter(_vm: &VM, obj: &PyObjectRef) -> PyResult<PyObjectRef> {
    Ok(obj.clone())
}

/// Makes `ty` an iterator type: `__iter__` returns self, `__next__` is
/// `next`.
pub fn make_iterator_type(_vm: &VM, ty: &PyTypeRef, next: IterNextFn) {
    ty.payload.slots.iter.set(Some(self_iter));
    ty.payload.slots.iternext.set(Some(next));
}

fn wrong(vm: &VM, what: &str) -> crate::PyBaseExceptionRef {
    vm.new_type_error(format!("expected a {what}"))
}

// ----- list / tuple ----------------------------------------------------

fn list_iter_next(vm: &VM, obj: &PyObjectRef) -> PyResult<Option<PyObjectRef>> {
    let it = obj
        .downcast_ref::<PyListIterator>()
        .ok_or_else(|| wrong(vm, "list_iterator"))?;
    let mut slot = it.list.borrow_mut();
    let Some(l) = slot.as_ref() else {
        return Ok(None);
    };
    let i = it.index.get();
    match l.payload.get(i) {
        Some(x) => {
            it.index.set(i + 1);
            Ok(Some(x))
        }
        None => {
            let dead = slot.take();
            drop(slot);
            drop(dead);
            Ok(None)
        }
    }
}

fn list_iter_len(vm: &VM, a: &[PyObjectRef], kw: Option<&PyTupleRef>) -> PyResult<PyObjectRef> {
    let (me, _) = method_args(vm, "__length_hint__", a, kw, 0, 0)?;
    let n = match me.downcast_ref::<PyListIterator>() {
        Some(it) => match it.list.borrow().as_ref() {
            Some(l) => l.payload.len().saturating_sub(it.index.get()),
            None => 0,
        },
        None => 0,
    };
    Ok(vm.new_int(n as i64))
}

fn list_rev_next(vm: &VM, obj: &PyObjectRef) -> PyResult<Option<PyObjectRef>> {
    let it = obj
        .downcast_ref::<PyListReverseIterator>()
        .ok_or_else(|| wrong(vm, "list_reverseiterator"))?;
    let mut slot = it.list.borrow_mut();
    let Some(l) = slot.as_ref() else {
        return Ok(None);
    };
    let i = it.index.get();
    if i > 0 {
        if let Some(x) = l.payload.get(i - 1) {
            it.index.set(i - 1);
            return Ok(Some(x));
        }
    }
    it.index.set(0);
    let dead = slot.take();
    drop(slot);
    drop(dead);
    Ok(None)
}

fn list_rev_len(vm: &VM, a: &[PyObjectRef], kw: Option<&PyTupleRef>) -> PyResult<PyObjectRef> {
    let (me, _) = method_args(vm, "__length_hint__", a, kw, 0, 0)?;
    let n = match me.downcast_ref::<PyListReverseIterator>() {
        Some(it) => match it.list.borrow().as_ref() {
            Some(l) => it.index.get().min(l.payload.len()),
            None => 0,
        },
        None => 0,
    };
    Ok(vm.new_int(n as i64))
}

fn tuple_iter_next(vm: &VM, obj: &PyObjectRef) -> PyResult<Option<PyObjectRef>> {
    let it = obj
        .downcast_ref::<PyTupleIterator>()
        .ok_or_else(|| wrong(vm, "tuple_iterator"))?;
    let mut slot = it.tuple.borrow_mut();
    let Some(t) = slot.as_ref() else {
        return Ok(None);
    };
    let i = it.index.get();
    if let Some(x) = t.payload.as_slice().get(i) {
        it.index.set(i + 1);
        return Ok(Some(x.clone()));
    }
    let dead = slot.take();
    drop(slot);
    drop(dead);
    Ok(None)
}

fn tuple_iter_len(vm: &VM, a: &[PyObjectRef], kw: Option<&PyTupleRef>) -> PyResult<PyObjectRef> {
    let (me, _) = method_args(vm, "__length_hint__", a, kw, 0, 0)?;
    let n = match me.downcast_ref::<PyTupleIterator>() {
        Some(it) => match it.tuple.borrow().as_ref() {
            Some(t) => t.payload.len().saturating_sub(it.index.get()),
            None => 0,
        },
        None => 0,
    };
    Ok(vm.new_int(n as i64))
}

// ----- range -----------------------------------------------------------

/// The eval loop's FOR_ITER fast path over `range_iterator`.
#[inline]
pub fn range_iter_next_i64(it: &PyRangeIterator) -> Option<i64> {
    let r = it.remaining.get();
    if r == 0 {
        return None;
    }
    let v = it.next.get();
    it.remaining.set(r - 1);
    // The value after the last one may not fit; it is never read.
    it.next.set(v.wrapping_add(it.step));
    Some(v)
}

fn range_iter_next(vm: &VM, obj: &PyObjectRef) -> PyResult<Option<PyObjectRef>> {
    let it = obj
        .downcast_ref::<PyRangeIterator>()
        .ok_or_else(|| wrong(vm, "range_iterator"))?;
    Ok(range_iter_next_i64(it).map(|v| vm.new_int(v)))
}

fn range_iter_len(vm: &VM, a: &[PyObjectRef], kw: Option<&PyTupleRef>) -> PyResult<PyObjectRef> {
    let (me, _) = method_args(vm, "__length_hint__", a, kw, 0, 0)?;
    if let Some(it) = me.downcast_ref::<PyRangeIterator>() {
        return Ok(vm.new_bigint(BigInt::from(it.remaining.get())));
    }
    if let Some(it) = me.downcast_ref::<PyLongRangeIterator>() {
        return Ok(vm.new_bigint(&it.len - &*it.index.borrow()));
    }
    Ok(vm.new_int(0))
}

fn longrange_iter_next(vm: &VM, obj: &PyObjectRef) -> PyResult<Option<PyObjectRef>> {
    let it = obj
        .downcast_ref::<PyLongRangeIterator>()
        .ok_or_else(|| wrong(vm, "longrange_iterator"))?;
    let mut i = it.index.borrow_mut();
    if *i >= it.len {
        return Ok(None);
    }
    let v = &it.start + &*i * &it.step;
    *i += 1;
    drop(i);
    Ok(Some(vm.new_bigint(v)))
}

// ----- generic sequence / callable iterators --------------------------

/// `iter(seq)` for objects with only `__getitem__`.
pub fn new_seq_iterator(vm: &VM, seq: PyObjectRef) -> PyObjectRef {
    PyRef::new_exact(
        PySeqIterator {
            seq: RefCell::new(Some(seq)),
            index: Cell::new(0),
        },
        vm.types.seq_iterator_type.clone(),
    )
    .into_object()
}

/// An IndexError or StopIteration ends `__getitem__`-based iteration.
fn ends_iteration(vm: &VM, e: &crate::PyBaseExceptionRef) -> bool {
    let c = e.as_object().class();
    c.is_subtype(&vm.types.exc.index_error) || c.is_subtype(&vm.types.exc.stop_iteration)
}

fn seq_iter_next(vm: &VM, obj: &PyObjectRef) -> PyResult<Option<PyObjectRef>> {
    let it = obj
        .downcast_ref::<PySeqIterator>()
        .ok_or_else(|| wrong(vm, "iterator"))?;
    let Some(seq) = it.seq.borrow().clone() else {
        return Ok(None);
    };
    let i = it.index.get();
    match vm.get_item(&seq, &vm.new_int(i as i64)) {
        Ok(x) => {
            it.index.set(i + 1);
            Ok(Some(x))
        }
        Err(e) if ends_iteration(vm, &e) => {
            let dead = it.seq.borrow_mut().take();
            drop(dead);
            Ok(None)
        }
        Err(e) => Err(e),
    }
}

fn seq_iter_len(vm: &VM, a: &[PyObjectRef], kw: Option<&PyTupleRef>) -> PyResult<PyObjectRef> {
    let (me, _) = method_args(vm, "__length_hint__", a, kw, 0, 0)?;
    let Some(it) = me.downcast_ref::<PySeqIterator>() else {
        return Ok(vm.new_int(0));
    };
    let Some(seq) = it.seq.borrow().clone() else {
        return Ok(vm.new_int(0));
    };
    if seq.class().payload.slots.len.get().is_none() {
        return Ok(vm.not_implemented());
    }
    let n = vm.len(&seq)?;
    Ok(vm.new_int(n.saturating_sub(it.index.get()) as i64))
}

pub fn new_callable_iterator(vm: &VM, callable: PyObjectRef, sentinel: PyObjectRef) -> PyObjectRef {
    PyRef::new_exact(
        PyCallableIterator {
            callable: RefCell::new(Some(callable)),
            sentinel,
        },
        vm.types.callable_iterator_type.clone(),
    )
    .into_object()
}

fn callable_iter_next(vm: &VM, obj: &PyObjectRef) -> PyResult<Option<PyObjectRef>> {
    let it = obj
        .downcast_ref::<PyCallableIterator>()
        .ok_or_else(|| wrong(vm, "callable_iterator"))?;
    let Some(f) = it.callable.borrow().clone() else {
        return Ok(None);
    };
    let v = match vm.call0(&f) {
        Ok(v) => v,
        Err(e)
            if e.as_object()
                .class()
                .is_subtype(&vm.types.exc.stop_iteration) =>
        {
            let dead = it.callable.borrow_mut().take();
            drop(dead);
            return Ok(None);
        }
        Err(e) => return Err(e),
    };
    if vm.eq_bool(&v, &it.sentinel)? {
        let dead = it.callable.borrow_mut().take();
        drop(dead);
        return Ok(None);
    }
    Ok(Some(v))
}

// ----- set -------------------------------------------------------------

pub fn new_set_iterator(vm: &VM, set: &PyObjectRef) -> PyResult<PyObjectRef> {
    let s = set
        .downcast_cloned::<PySet>()
        .ok_or_else(|| wrong(vm, "set"))?;
    let n = s.payload.len();
    Ok(PyRef::new_exact(
        PySetIterator {
            set: RefCell::new(Some(s)),
            pos: Cell::new(0),
            used: Cell::new(Some(n)),
            len: Cell::new(n),
        },
        vm.types.set_iterator_type.clone(),
    )
    .into_object())
}

fn set_iter_next(vm: &VM, obj: &PyObjectRef) -> PyResult<Option<PyObjectRef>> {
    let it = obj
        .downcast_ref::<PySetIterator>()
        .ok_or_else(|| wrong(vm, "set_iterator"))?;
    let Some(s) = it.set.borrow().clone() else {
        return Ok(None);
    };
    if it.used.get() != Some(s.payload.len()) {
        it.used.set(None);
        return Err(vm.new_runtime_error("Set changed size during iteration"));
    }
    match s.payload.next_from(it.pos.get()) {
        Some((k, next)) => {
            it.pos.set(next);
            it.len.set(it.len.get().saturating_sub(1));
            Ok(Some(k))
        }
        None => {
            let dead = it.set.borrow_mut().take();
            drop(dead);
            Ok(None)
        }
    }
}

fn set_iter_len(vm: &VM, a: &[PyObjectRef], kw: Option<&PyTupleRef>) -> PyResult<PyObjectRef> {
    let (me, _) = method_args(vm, "__length_hint__", a, kw, 0, 0)?;
    let n = match me.downcast_ref::<PySetIterator>() {
        Some(it) => match it.set.borrow().as_ref() {
            Some(s) if it.used.get() == Some(s.payload.len()) => it.len.get(),
            _ => 0,
        },
        None => 0,
    };
    Ok(vm.new_int(n as i64))
}

/// Fills the slots and methods of this file's type(s).
pub(crate) fn init(vm: &crate::VM) {
    let t = &vm.types;
    let simple: [(
        &PyTypeRef,
        IterNextFn,
        crate::objects::methodobject::NativeFn,
    ); 6] = [
        (&t.list_iterator_type, list_iter_next, list_iter_len),
        (&t.list_reverseiterator_type, list_rev_next, list_rev_len),
        (&t.tuple_iterator_type, tuple_iter_next, tuple_iter_len),
        (&t.range_iterator_type, range_iter_next, range_iter_len),
        (&t.seq_iterator_type, seq_iter_next, seq_iter_len),
        (&t.set_iterator_type, set_iter_next, set_iter_len),
    ];
    for (ty, next, len) in simple {
        make_iterator_type(vm, ty, next);
        vm.add_method(ty, "__length_hint__", len);
    }
    make_iterator_type(vm, &t.callable_iterator_type, callable_iter_next);
    let extra = extra_types(vm);
    make_iterator_type(vm, &extra.longrange_iterator, longrange_iter_next);
    vm.add_method(&extra.longrange_iterator, "__length_hint__", range_iter_len);
    crate::objects::enumobject::init(vm);
    crate::objects::genericaliasobject::init(vm);
    // `Types` has no fields for these, so the start-up pass that adds
    // wrapper descriptors and inherits slots does not see them.
    for ty in [
        &extra.dict_reversekeyiterator,
        &extra.dict_reversevalueiterator,
        &extra.dict_reverseitemiterator,
        &extra.longrange_iterator,
        &extra.generic_alias,
    ] {
        crate::objects::typeobject::typeobject_wrappers::ready_static_type(vm, ty);
    }
}
