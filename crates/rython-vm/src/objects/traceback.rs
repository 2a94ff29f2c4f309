//! Traceback objects (CPython's Python/traceback.c `PyTraceBack_Type`).

use std::cell::RefCell;

use crate::object::{PyPayload, PyRef, PyTypeRef};
use crate::objects::frameobject::PyFrameRef;
use crate::VM;

pub type PyTracebackRef = PyRef<PyTraceback>;

pub struct PyTraceback {
    pub next: RefCell<Option<PyTracebackRef>>,
    pub frame: PyFrameRef,
    /// Instruction index where the exception passed through the frame.
    pub lasti: u32,
    pub lineno: Option<u32>,
}

impl PyPayload for PyTraceback {
    fn class(vm: &VM) -> &PyTypeRef {
        &vm.types.traceback_type
    }
}

/// Fills the slots and methods of this file's type(s).
pub(crate) fn init(vm: &crate::VM) {
    let _ = vm;
}
