//! `float` (CPython's Objects/floatobject.c).

use crate::object::{PyObjectRef, PyPayload, PyRef, PyTypeRef};
use crate::VM;

pub struct PyFloat {
    pub value: f64,
}

impl PyPayload for PyFloat {
    fn class(vm: &VM) -> &PyTypeRef {
        &vm.types.float_type
    }
}

impl VM {
    #[inline]
    pub fn new_float(&self, v: f64) -> PyObjectRef {
        PyRef::new_exact(PyFloat { value: v }, self.types.float_type.clone()).into_object()
    }
}

/// Fills the slots and methods of this file's type(s).
pub(crate) fn init(vm: &crate::VM) {
    let _ = vm;
}
