//! `slice` (CPython's Objects/sliceobject.c).

use crate::object::{PyObjectRef, PyPayload, PyTypeRef};
use crate::VM;

pub struct PySlice {
    pub start: PyObjectRef,
    pub stop: PyObjectRef,
    pub step: PyObjectRef,
}

impl PyPayload for PySlice {
    fn class(vm: &VM) -> &PyTypeRef {
        &vm.types.slice_type
    }
}

/// Fills the slots and methods of this file's type(s).
pub(crate) fn init(vm: &crate::VM) {
    let _ = vm;
}
