//! Iterator types of the builtin containers (CPython's Objects/iterobject.c,
//! listobject.c, tupleobject.c, rangeobject.c, unicodeobject.c,
//! dictobject.c, setobject.c, enumobject.c and bltinmodule.c's
//! zip/map/filter).

use std::cell::{Cell, RefCell};

use crate::object::{PyObjectRef, PyPayload, PyTypeRef};
use crate::objects::dictobject::PyDictRef;
use crate::objects::listobject::PyListRef;
use crate::objects::strobject::PyStrRef;
use crate::objects::tupleobject::PyTupleRef;
use crate::VM;

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

/// Iterates a range whose values fit in i64 (CPython's `range_iterator`;
/// larger ranges use `PySeqIterator`-like stepping over ints).
pub struct PyRangeIterator {
    pub next: Cell<i64>,
    pub step: i64,
    pub remaining: Cell<u64>,
}
payload!(PyRangeIterator, range_iterator_type);

pub struct PyStrIterator {
    pub s: PyStrRef,
    pub byte_pos: Cell<usize>,
}
payload!(PyStrIterator, str_iterator_type);

pub struct PyBytesIterator {
    pub bytes: PyObjectRef,
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

/// Dict (and set) iterators: position in the dense entry array, and the
/// size at creation to detect "changed size during iteration".
pub struct PyDictIterator {
    pub dict: PyDictRef,
    pub kind: DictViewKind,
    pub pos: Cell<usize>,
    pub initial_len: usize,
    pub remaining: Cell<usize>,
}
payload!(PyDictIterator, dict_keyiterator_type);

pub struct PySetIterator {
    pub set: PyObjectRef,
    pub pos: Cell<usize>,
    pub initial_len: usize,
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

/// `iter(seq)` for objects with only `__getitem__`.
pub fn new_seq_iterator(vm: &VM, seq: PyObjectRef) -> PyObjectRef {
    crate::object::PyRef::new_exact(
        PySeqIterator {
            seq: RefCell::new(Some(seq)),
            index: Cell::new(0),
        },
        vm.types.seq_iterator_type.clone(),
    )
    .into_object()
}

/// Fills the slots and methods of this file's type(s).
pub(crate) fn init(vm: &crate::VM) {
    let _ = vm;
}
