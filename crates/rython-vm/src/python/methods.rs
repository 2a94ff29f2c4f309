//! Registering native methods, attributes and functions on builtin types
//! and modules (CPython's PyMethodDef/PyGetSetDef tables and
//! `type_add_methods`).

use crate::object::{PyObjectRef, PyRef, PyTypeRef};
use crate::objects::descrobject::{Getter, PyGetSetDescr, Setter};
use crate::objects::dictobject::PyDict;
use crate::objects::methodobject::{MethodKind, NativeFn, PyBuiltinFunction, PyMethodDescr};
use crate::VM;

impl VM {
    /// `ty.name` becomes a method descriptor calling `func(self, *args)`.
    pub fn add_method(&self, ty: &PyTypeRef, name: &'static str, func: NativeFn) {
        self.add_method_kind(ty, name, func, MethodKind::Instance);
    }

    /// A classmethod of a builtin type: `func(cls, *args)`.
    pub fn add_classmethod(&self, ty: &PyTypeRef, name: &'static str, func: NativeFn) {
        self.add_method_kind(ty, name, func, MethodKind::Class);
    }

    /// A staticmethod of a builtin type: `func(*args)`.
    pub fn add_staticmethod(&self, ty: &PyTypeRef, name: &'static str, func: NativeFn) {
        self.add_method_kind(ty, name, func, MethodKind::Static);
    }

    fn add_method_kind(
        &self,
        ty: &PyTypeRef,
        name: &'static str,
        func: NativeFn,
        kind: MethodKind,
    ) {
        let descr_type = match kind {
            MethodKind::Class => self.types.classmethod_descriptor_type.clone(),
            _ => self.types.method_descriptor_type.clone(),
        };
        let d = PyRef::new_exact(
            PyMethodDescr {
                name,
                func,
                objclass: ty.clone(),
                kind,
                doc: None,
                slot: None,
            },
            descr_type,
        );
        ty.payload.dict.set_str(self, name, d.into_object());
    }

    /// A computed attribute (`getset_descriptor`).
    pub fn add_getset(
        &self,
        ty: &PyTypeRef,
        name: &'static str,
        getter: Getter,
        setter: Option<Setter>,
    ) {
        let d = PyRef::new_exact(
            PyGetSetDescr {
                name,
                getter,
                setter,
                objclass: ty.clone(),
            },
            self.types.getset_descriptor_type.clone(),
        );
        ty.payload.dict.set_str(self, name, d.into_object());
    }

    /// A read-only `member_descriptor` of a builtin type (setting or
    /// deleting it raises "readonly attribute").
    pub fn add_member(&self, ty: &PyTypeRef, name: &'static str, getter: Getter) {
        let d = PyRef::new_exact(
            crate::objects::descrobject::PyMemberDescr {
                name: name.to_string(),
                index: 0,
                objclass: ty.clone(),
                getter: Some(getter),
            },
            self.types.member_descriptor_type.clone(),
        );
        ty.payload.dict.set_str(self, name, d.into_object());
    }

    /// A plain class attribute (`__doc__`, constants...).
    pub fn add_class_attr(&self, ty: &PyTypeRef, name: &str, value: PyObjectRef) {
        ty.payload.dict.set_str(self, name, value);
    }

    /// A `builtin_function_or_method` not bound to anything.
    pub fn new_builtin_function(&self, name: &'static str, func: NativeFn) -> PyObjectRef {
        PyRef::new_exact(
            PyBuiltinFunction {
                name,
                func,
                self_: None,
                pass_self: false,
                doc: None,
            },
            self.types.builtin_function_type.clone(),
        )
        .into_object()
    }

    /// A module-level function: bound to the module (its `__self__`) but not
    /// passed it.
    pub fn add_function(
        &self,
        module_dict: &PyDict,
        module: &PyObjectRef,
        name: &'static str,
        func: NativeFn,
    ) {
        let f = PyRef::new_exact(
            PyBuiltinFunction {
                name,
                func,
                self_: Some(module.clone()),
                pass_self: false,
                doc: None,
            },
            self.types.builtin_function_type.clone(),
        );
        module_dict.set_str(self, name, f.into_object());
    }
}
