//! Code objects (CPython's Objects/codeobject.c): the compiler's
//! `CodeObject` with its constants and names turned into Python objects.

use rython_compiler::CodeObject;

use crate::object::{PyObjectRef, PyPayload, PyRef, PyTypeRef};
use crate::objects::strobject::PyStrRef;
use crate::VM;

pub type PyCodeRef = PyRef<PyCode>;

pub struct PyCode {
    pub code: CodeObject,
    pub consts: Box<[PyObjectRef]>,
    /// `co_names`, interned.
    pub names: Box<[PyStrRef]>,
    /// `co_localsplusnames`, interned.
    pub localsplusnames: Box<[PyStrRef]>,
    pub filename: PyStrRef,
    pub name: PyStrRef,
    pub qualname: PyStrRef,
}

impl PyPayload for PyCode {
    fn class(vm: &VM) -> &PyTypeRef {
        &vm.types.code_type
    }
}

impl PyCode {
    #[inline]
    pub fn nlocalsplus(&self) -> usize {
        self.localsplusnames.len()
    }

    #[inline]
    pub fn flags(&self) -> u32 {
        self.code.flags
    }

    /// The line of the instruction at code-unit index `i`, if it has one.
    pub fn line_at(&self, i: usize) -> Option<u32> {
        match self.code.positions.get(i) {
            Some(p) if p.lineno > 0 => Some(p.lineno),
            _ => None,
        }
    }
}

/// Fills the slots and methods of this file's type(s).
pub(crate) fn init(vm: &crate::VM) {
    let _ = vm;
}
