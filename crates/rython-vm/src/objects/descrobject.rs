//! Descriptors: getset and member descriptors, `property`, `staticmethod`,
//! `classmethod` and `mappingproxy` (CPython's Objects/descrobject.c and
//! funcobject.c).

use std::cell::RefCell;

use crate::object::{PyObjectRef, PyPayload, PyTypeRef};
use crate::{PyResult, VM};

pub type Getter = fn(&VM, &PyObjectRef) -> PyResult<PyObjectRef>;
pub type Setter = fn(&VM, &PyObjectRef, Option<PyObjectRef>) -> PyResult<()>;

/// `getset_descriptor`: a computed attribute of a builtin type.
pub struct PyGetSetDescr {
    pub name: &'static str,
    pub getter: Getter,
    pub setter: Option<Setter>,
    pub objclass: PyTypeRef,
}

impl PyPayload for PyGetSetDescr {
    fn class(vm: &VM) -> &PyTypeRef {
        &vm.types.getset_descriptor_type
    }
}

/// `member_descriptor`: one `__slots__` entry.
pub struct PyMemberDescr {
    pub name: String,
    pub index: usize,
    pub objclass: PyTypeRef,
}

impl PyPayload for PyMemberDescr {
    fn class(vm: &VM) -> &PyTypeRef {
        &vm.types.member_descriptor_type
    }
}

pub struct PyProperty {
    pub fget: RefCell<Option<PyObjectRef>>,
    pub fset: RefCell<Option<PyObjectRef>>,
    pub fdel: RefCell<Option<PyObjectRef>>,
    pub doc: RefCell<Option<PyObjectRef>>,
    pub name: RefCell<Option<PyObjectRef>>,
}

impl PyPayload for PyProperty {
    fn class(vm: &VM) -> &PyTypeRef {
        &vm.types.property_type
    }
}

pub struct PyStaticMethod {
    pub callable: RefCell<PyObjectRef>,
}

impl PyPayload for PyStaticMethod {
    fn class(vm: &VM) -> &PyTypeRef {
        &vm.types.staticmethod_type
    }
}

pub struct PyClassMethod {
    pub callable: RefCell<PyObjectRef>,
}

impl PyPayload for PyClassMethod {
    fn class(vm: &VM) -> &PyTypeRef {
        &vm.types.classmethod_type
    }
}

/// A read-only view of a mapping (a type's `__dict__`): `mapping` is either a
/// type object (whose inline dict is shown) or any mapping.
pub struct PyMappingProxy {
    pub mapping: PyObjectRef,
}

impl PyPayload for PyMappingProxy {
    fn class(vm: &VM) -> &PyTypeRef {
        &vm.types.mappingproxy_type
    }
}

/// `super` objects (CPython's typeobject.c `super_*`).
pub struct PySuper {
    pub typ: PyTypeRef,
    pub obj: Option<PyObjectRef>,
    pub obj_type: Option<PyTypeRef>,
}

impl PyPayload for PySuper {
    fn class(vm: &VM) -> &PyTypeRef {
        &vm.types.super_type
    }
}

/// Fills the slots and methods of this file's type(s).
pub(crate) fn init(vm: &crate::VM) {
    let _ = vm;
}
