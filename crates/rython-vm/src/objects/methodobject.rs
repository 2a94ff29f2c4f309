//! Native callables: builtin functions and the method descriptors of
//! builtin types (CPython's Objects/methodobject.c and descrobject.c).

use crate::object::{PyObjectRef, PyPayload, PyTypeRef};
use crate::objects::tupleobject::PyTupleRef;
use crate::{PyResult, VM};

/// The native calling convention: positional arguments (for a method,
/// `self` first), then the values of the keywords named by `kwnames`.
pub type NativeFn = fn(&VM, &[PyObjectRef], Option<&PyTupleRef>) -> PyResult<PyObjectRef>;

/// `builtin_function_or_method`: a native function, possibly bound.
pub struct PyBuiltinFunction {
    pub name: &'static str,
    pub func: NativeFn,
    /// The bound object (`[].append`) or the module (`len`).
    pub self_: Option<PyObjectRef>,
    /// True when `self_` is passed as the first argument.
    pub pass_self: bool,
    pub doc: Option<&'static str>,
}

impl PyPayload for PyBuiltinFunction {
    fn class(vm: &VM) -> &PyTypeRef {
        &vm.types.builtin_function_type
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MethodKind {
    Instance,
    Class,
    Static,
}

/// `method_descriptor` (and `classmethod_descriptor`): a native method in a
/// builtin type's dict.
pub struct PyMethodDescr {
    pub name: &'static str,
    pub func: NativeFn,
    pub objclass: PyTypeRef,
    pub kind: MethodKind,
    pub doc: Option<&'static str>,
}

impl PyPayload for PyMethodDescr {
    fn class(vm: &VM) -> &PyTypeRef {
        &vm.types.method_descriptor_type
    }
}

/// Fills the slots and methods of this file's type(s).
pub(crate) fn init(vm: &crate::VM) {
    let _ = vm;
}
