//! `object`, the root of every class (CPython's Objects/object.c
//! `PyBaseObject_Type`). Its instances carry no payload.

use crate::object::{PyPayload, PyTypeRef};
use crate::VM;

pub struct PyBaseObject;

impl PyPayload for PyBaseObject {
    fn class(vm: &VM) -> &PyTypeRef {
        &vm.types.object_type
    }
}

/// Fills the slots and methods of this file's type(s).
pub(crate) fn init(vm: &crate::VM) {
    let _ = vm;
}
