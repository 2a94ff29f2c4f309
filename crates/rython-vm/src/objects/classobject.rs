//! Bound methods (CPython's Objects/classobject.c).

use crate::object::{PyObjectRef, PyPayload, PyTypeRef};
use crate::VM;

pub struct PyBoundMethod {
    pub func: PyObjectRef,
    pub self_: PyObjectRef,
}

impl PyPayload for PyBoundMethod {
    fn class(vm: &VM) -> &PyTypeRef {
        &vm.types.bound_method_type
    }
}

/// Fills the slots and methods of this file's type(s).
pub(crate) fn init(vm: &crate::VM) {
    let _ = vm;
}
