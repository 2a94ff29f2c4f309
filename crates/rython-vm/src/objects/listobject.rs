//! `list` (CPython's Objects/listobject.c): the payload. Methods live in
//! `list_methods.rs`.
//!
//! The vector is behind a `RefCell`; code never holds a borrow while it
//! calls back into Python (comparisons, `__index__`...), so a callback that
//! mutates the list cannot cause a borrow panic.

use std::cell::RefCell;

use crate::object::{PyObjectRef, PyPayload, PyRef, PyTypeRef};
use crate::VM;

pub type PyListRef = PyRef<PyList>;

#[derive(Default)]
pub struct PyList {
    pub items: RefCell<Vec<PyObjectRef>>,
}

impl PyPayload for PyList {
    fn class(vm: &VM) -> &PyTypeRef {
        &vm.types.list_type
    }
}

impl PyList {
    pub fn new(items: Vec<PyObjectRef>) -> PyList {
        PyList {
            items: RefCell::new(items),
        }
    }

    pub fn len(&self) -> usize {
        self.items.borrow().len()
    }

    pub fn is_empty(&self) -> bool {
        self.items.borrow().is_empty()
    }

    /// A snapshot of the items (for iteration that may run Python code).
    pub fn to_vec(&self) -> Vec<PyObjectRef> {
        self.items.borrow().clone()
    }

    pub fn get(&self, i: usize) -> Option<PyObjectRef> {
        self.items.borrow().get(i).cloned()
    }

    pub fn push(&self, v: PyObjectRef) {
        self.items.borrow_mut().push(v);
    }
}

impl VM {
    pub fn new_list(&self, items: Vec<PyObjectRef>) -> PyListRef {
        PyRef::new_exact(PyList::new(items), self.types.list_type.clone())
    }
}

/// Fills the slots and methods of this file's type(s).
pub(crate) fn init(vm: &crate::VM) {
    let _ = vm;
}
