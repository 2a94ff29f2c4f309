//! Python functions (CPython's Objects/funcobject.c).

use std::cell::RefCell;

use crate::object::{PyObjectRef, PyPayload, PyRef, PyTypeRef};
use crate::objects::codeobject::PyCodeRef;
use crate::objects::dictobject::PyDictRef;
use crate::objects::strobject::PyStrRef;
use crate::objects::tupleobject::PyTupleRef;
use crate::VM;

pub type PyFunctionRef = PyRef<PyFunction>;

pub struct PyFunction {
    pub code: PyCodeRef,
    pub globals: PyDictRef,
    pub builtins: PyDictRef,
    pub name: RefCell<PyStrRef>,
    pub qualname: RefCell<PyStrRef>,
    pub defaults: RefCell<Option<PyTupleRef>>,
    pub kwdefaults: RefCell<Option<PyDictRef>>,
    /// Cells for the code's free variables.
    pub closure: RefCell<Option<PyTupleRef>>,
    pub annotations: RefCell<Option<PyObjectRef>>,
    pub doc: RefCell<PyObjectRef>,
    pub module: RefCell<PyObjectRef>,
    pub dict: RefCell<Option<PyDictRef>>,
    pub type_params: RefCell<Option<PyTupleRef>>,
}

impl PyPayload for PyFunction {
    fn class(vm: &VM) -> &PyTypeRef {
        &vm.types.function_type
    }
}

/// Fills the slots and methods of this file's type(s).
pub(crate) fn init(vm: &crate::VM) {
    let _ = vm;
}
