//! Cells hold variables shared between a function and its closures
//! (CPython's Objects/cellobject.c).

use std::cell::RefCell;

use crate::object::{PyObjectRef, PyPayload, PyTypeRef};
use crate::VM;

#[derive(Default)]
pub struct PyCell {
    pub contents: RefCell<Option<PyObjectRef>>,
}

impl PyPayload for PyCell {
    fn class(vm: &VM) -> &PyTypeRef {
        &vm.types.cell_type
    }
}

impl PyCell {
    pub fn get(&self) -> Option<PyObjectRef> {
        self.contents.borrow().clone()
    }
    pub fn set(&self, v: Option<PyObjectRef>) {
        let old = self.contents.replace(v);
        drop(old);
    }
}

/// Fills the slots and methods of this file's type(s).
pub(crate) fn init(vm: &crate::VM) {
    let _ = vm;
}
