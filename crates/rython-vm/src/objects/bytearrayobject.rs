//! `bytearray` (CPython's Objects/bytearrayobject.c).

use std::cell::RefCell;

use crate::object::{PyPayload, PyTypeRef};
use crate::VM;

#[derive(Default)]
pub struct PyByteArray {
    pub value: RefCell<Vec<u8>>,
}

impl PyPayload for PyByteArray {
    fn class(vm: &VM) -> &PyTypeRef {
        &vm.types.bytearray_type
    }
}

/// Fills the slots and methods of this file's type(s).
pub(crate) fn init(vm: &crate::VM) {
    let _ = vm;
}
