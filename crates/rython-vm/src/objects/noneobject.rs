//! `None`, `NotImplemented` and `Ellipsis` (CPython's Objects/object.c and
//! sliceobject.c singletons).

use crate::object::{PyPayload, PyTypeRef};
use crate::VM;

pub struct PyNone;
pub struct PyNotImplemented;
pub struct PyEllipsis;

impl PyPayload for PyNone {
    fn class(vm: &VM) -> &PyTypeRef {
        &vm.types.none_type
    }
}
impl PyPayload for PyNotImplemented {
    fn class(vm: &VM) -> &PyTypeRef {
        &vm.types.notimplemented_type
    }
}
impl PyPayload for PyEllipsis {
    fn class(vm: &VM) -> &PyTypeRef {
        &vm.types.ellipsis_type
    }
}

/// Fills the slots and methods of this file's type(s).
fn none_repr(vm: &VM, _o: &crate::object::PyObjectRef) -> crate::PyResult {
    Ok(vm.intern("None").into_object())
}
fn notimpl_repr(vm: &VM, _o: &crate::object::PyObjectRef) -> crate::PyResult {
    Ok(vm.intern("NotImplemented").into_object())
}
fn ellipsis_repr(vm: &VM, _o: &crate::object::PyObjectRef) -> crate::PyResult {
    Ok(vm.intern("Ellipsis").into_object())
}
/// `hash(None)`: a constant since CPython 3.12 (no longer the address).
fn none_hash(_vm: &VM, _o: &crate::object::PyObjectRef) -> crate::PyResult<i64> {
    Ok(0xFCA86420)
}
fn none_bool(_vm: &VM, _o: &crate::object::PyObjectRef) -> crate::PyResult<bool> {
    Ok(false)
}
/// True, with a DeprecationWarning (3.13; a TypeError from 3.14 on).
fn notimpl_bool(vm: &VM, _o: &crate::object::PyObjectRef) -> crate::PyResult<bool> {
    vm.warn_deprecated("NotImplemented should not be used in a boolean context")?;
    Ok(true)
}

/// `type(None)()` returns None (and likewise for the other singletons).
fn singleton_new(
    vm: &VM,
    cls: &PyTypeRef,
    args: &[crate::object::PyObjectRef],
    kw: Option<&crate::objects::tupleobject::PyTupleRef>,
) -> crate::PyResult {
    let name = cls.name_string();
    if !args.is_empty() || kw.is_some_and(|k| !k.payload.is_empty()) {
        return Err(vm.new_type_error(format!("{name} takes no arguments")));
    }
    Ok(if cls.is(&vm.types.none_type) {
        vm.none()
    } else if cls.is(&vm.types.notimplemented_type) {
        vm.not_implemented()
    } else {
        vm.ctx.ellipsis.clone()
    })
}

pub(crate) fn init(vm: &VM) {
    let t = &vm.types;
    t.none_type.payload.slots.repr.set(Some(none_repr));
    t.none_type.payload.slots.nb_bool.set(Some(none_bool));
    t.none_type.payload.slots.hash.set(Some(none_hash));
    t.notimplemented_type
        .payload
        .slots
        .repr
        .set(Some(notimpl_repr));
    t.notimplemented_type
        .payload
        .slots
        .nb_bool
        .set(Some(notimpl_bool));
    t.ellipsis_type.payload.slots.repr.set(Some(ellipsis_repr));
    for ty in [&t.none_type, &t.notimplemented_type, &t.ellipsis_type] {
        ty.payload.slots.new.set(Some(singleton_new));
    }
}
