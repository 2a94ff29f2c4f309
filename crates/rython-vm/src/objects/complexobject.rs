//! `complex` (CPython's Objects/complexobject.c).

use crate::object::{PyObjectRef, PyPayload, PyRef, PyTypeRef};
use crate::VM;

pub struct PyComplex {
    pub re: f64,
    pub im: f64,
}

impl PyPayload for PyComplex {
    fn class(vm: &VM) -> &PyTypeRef {
        &vm.types.complex_type
    }
}

impl VM {
    pub fn new_complex(&self, re: f64, im: f64) -> PyObjectRef {
        PyRef::new_exact(PyComplex { re, im }, self.types.complex_type.clone()).into_object()
    }
}

/// Fills the slots and methods of this file's type(s).
pub(crate) fn init(vm: &crate::VM) {
    let _ = vm;
}
