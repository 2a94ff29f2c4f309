//! `set` and `frozenset` (CPython's Objects/setobject.c). Both share one
//! layout: a dict whose values are unused.

use crate::object::{PyPayload, PyTypeRef};
use crate::objects::dictobject::PyDict;
use crate::VM;

#[derive(Default)]
pub struct PySet {
    /// Keys are the elements; every value is `None`.
    pub table: PyDict,
}

impl PyPayload for PySet {
    fn class(vm: &VM) -> &PyTypeRef {
        &vm.types.set_type
    }
}

/// Fills the slots and methods of this file's type(s).
pub(crate) fn init(vm: &crate::VM) {
    let _ = vm;
}
