//! `range` (CPython's Objects/rangeobject.c).

use crate::object::{PyObjectRef, PyPayload, PyTypeRef};
use crate::VM;

pub struct PyRange {
    pub start: PyObjectRef,
    pub stop: PyObjectRef,
    pub step: PyObjectRef,
}

impl PyPayload for PyRange {
    fn class(vm: &VM) -> &PyTypeRef {
        &vm.types.range_type
    }
}

/// Fills the slots and methods of this file's type(s).
pub(crate) fn init(vm: &crate::VM) {
    let _ = vm;
}
