//! Frame objects as Python sees them (`sys._getframe()`, `tb_frame`). The
//! executing frame (`python::frame::Frame`) is a plain Rust struct; this
//! object is made only when Python code or a traceback asks for one, as in
//! CPython 3.11+.

use std::cell::{Cell, RefCell};

use crate::object::{PyObjectRef, PyPayload, PyRef, PyTypeRef};
use crate::objects::codeobject::PyCodeRef;
use crate::objects::dictobject::PyDictRef;
use crate::VM;

pub type PyFrameRef = PyRef<PyFrameObject>;

pub struct PyFrameObject {
    pub code: PyCodeRef,
    pub globals: PyDictRef,
    pub locals: RefCell<Option<PyObjectRef>>,
    /// Instruction index of the last instruction run.
    pub lasti: Cell<u32>,
    pub back: RefCell<Option<PyFrameRef>>,
}

impl PyPayload for PyFrameObject {
    fn class(vm: &VM) -> &PyTypeRef {
        &vm.types.frame_type
    }
}

impl PyFrameObject {
    pub fn lineno(&self) -> Option<u32> {
        self.code.payload.line_at(self.lasti.get() as usize)
    }
}

/// Fills the slots and methods of this file's type(s).
pub(crate) fn init(vm: &crate::VM) {
    let _ = vm;
}
