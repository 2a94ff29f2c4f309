//! `bytes` (CPython's Objects/bytesobject.c).

use std::cell::Cell;

use crate::object::{PyObjectRef, PyPayload, PyRef, PyTypeRef};
use crate::VM;

pub struct PyBytes {
    pub value: Box<[u8]>,
    pub hash: Cell<i64>,
}

impl PyPayload for PyBytes {
    fn class(vm: &VM) -> &PyTypeRef {
        &vm.types.bytes_type
    }
}

impl PyBytes {
    pub fn new(v: impl Into<Box<[u8]>>) -> PyBytes {
        PyBytes {
            value: v.into(),
            hash: Cell::new(-1),
        }
    }
    pub fn as_bytes(&self) -> &[u8] {
        &self.value
    }
}

impl VM {
    pub fn new_bytes(&self, v: impl Into<Box<[u8]>>) -> PyObjectRef {
        PyRef::new_exact(PyBytes::new(v), self.types.bytes_type.clone()).into_object()
    }
}

/// Fills the slots and methods of this file's type(s).
pub(crate) fn init(vm: &crate::VM) {
    let _ = vm;
}
