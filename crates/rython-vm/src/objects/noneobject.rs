//! `None`, `NotImplemented` and `Ellipsis` (CPython's Objects/object.c and
//! sliceobject.c singletons).

use crate::object::{PyPayload, PyTypeRef};
use crate::VM;

pub struct PyNone;
pub struct PyNotImplemented;
pub struct PyEllipsis;

impl PyPayload for PyNone {
    fn class(vm: &VM) -> &PyTypeRef {
        &vm.types.none_type
    }
}
impl PyPayload for PyNotImplemented {
    fn class(vm: &VM) -> &PyTypeRef {
        &vm.types.notimplemented_type
    }
}
impl PyPayload for PyEllipsis {
    fn class(vm: &VM) -> &PyTypeRef {
        &vm.types.ellipsis_type
    }
}

/// Fills the slots and methods of this file's type(s).
pub(crate) fn init(vm: &crate::VM) {
    let _ = vm;
}
