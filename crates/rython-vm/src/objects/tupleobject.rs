//! `tuple` (CPython's Objects/tupleobject.c).

use crate::object::{PyObjectRef, PyPayload, PyRef, PyTypeRef};
use crate::VM;

pub type PyTupleRef = PyRef<PyTuple>;

pub struct PyTuple {
    items: Box<[PyObjectRef]>,
}

impl PyPayload for PyTuple {
    fn class(vm: &VM) -> &PyTypeRef {
        &vm.types.tuple_type
    }
}

impl PyTuple {
    pub fn new(items: Vec<PyObjectRef>) -> PyTuple {
        PyTuple {
            items: items.into_boxed_slice(),
        }
    }

    #[inline]
    pub fn as_slice(&self) -> &[PyObjectRef] {
        &self.items
    }

    #[inline]
    pub fn len(&self) -> usize {
        self.items.len()
    }

    #[inline]
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }
}

impl VM {
    pub fn new_tuple(&self, items: Vec<PyObjectRef>) -> PyTupleRef {
        if items.is_empty() {
            return self.ctx.empty_tuple.clone();
        }
        PyRef::new_exact(PyTuple::new(items), self.types.tuple_type.clone())
    }

    pub fn new_tuple_obj(&self, items: Vec<PyObjectRef>) -> PyObjectRef {
        self.new_tuple(items).into_object()
    }
}

/// Fills the slots and methods of this file's type(s).
pub(crate) fn init(vm: &crate::VM) {
    let _ = vm;
}
