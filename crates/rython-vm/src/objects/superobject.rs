//! `super` (CPython's typeobject.c `super_*`): attribute lookup that
//! starts after a given class in the MRO of an instance's (or class's)
//! type. The zero-argument form needs the calling frame, so the eval loop
//! resolves `__class__` and the first argument and calls `super_new`, or
//! `super_getattr` for `LOAD_SUPER_ATTR`.

use crate::object::{PyObjectRef, PyPayload, PyRef, PyTypeRef};
use crate::objects::funcobject::PyFunction;
use crate::objects::methodobject::{MethodKind, PyMethodDescr};
use crate::objects::strobject::PyStrRef;
use crate::objects::tupleobject::PyTupleRef;
use crate::objects::typeobject::PyType;
use crate::python::abstract_::generic_getattr;
use crate::{PyResult, VM};

/// `super` objects.
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

/// The type whose MRO a `super(typ, obj)` walks (`supercheck`).
fn supercheck(vm: &VM, typ: &PyTypeRef, obj: &PyObjectRef) -> PyResult<PyTypeRef> {
    if let Some(t) = obj
        .clone()
        .downcast::<PyType>()
        .ok()
        .filter(|t| t.is_subtype(typ))
    {
        return Ok(t);
    }
    if obj.class().is_subtype(typ) {
        return Ok(obj.class().clone());
    }
    if let Some(c) = vm.get_attr_opt_str(obj, "__class__")? {
        if let Ok(ct) = c.downcast::<PyType>() {
            if !ct.is(obj.class()) && ct.is_subtype(typ) {
                return Ok(ct);
            }
        }
    }
    let what = match obj.downcast_ref::<PyType>() {
        Some(t) => format!("type {}", t.name()),
        None => format!("instance of {}", obj.class().name_string()),
    };
    Err(vm.new_type_error(format!(
        "super(type, obj): obj ({what}) is not an instance or subtype of type ({}).",
        typ.name_string()
    )))
}

/// `super(typ, obj)`.
pub fn super_new(vm: &VM, typ: PyTypeRef, obj: PyObjectRef) -> PyResult {
    let obj_type = supercheck(vm, &typ, &obj)?;
    Ok(PyRef::new_exact(
        PySuper {
            typ,
            obj: Some(obj),
            obj_type: Some(obj_type),
        },
        vm.types.super_type.clone(),
    )
    .into_object())
}

/// Finds `name` in the MRO of `start` after `typ`.
fn lookup_after(
    vm: &VM,
    typ: &PyTypeRef,
    start: &PyTypeRef,
    name: &PyStrRef,
) -> Option<PyObjectRef> {
    let mro = start.mro_with_self();
    let i = mro.iter().position(|t| t.is(typ))?;
    mro[i + 1..]
        .iter()
        .find_map(|t| t.payload.dict.get_str(vm, name))
}

fn super_getattro(vm: &VM, zelf: &PyObjectRef, name: &PyStrRef) -> PyResult {
    let s = zelf
        .downcast_ref::<PySuper>()
        .ok_or_else(|| vm.new_type_error("expected a super object"))?;
    if let (Some(start), Some(obj)) = (&s.obj_type, &s.obj) {
        if name.payload.as_str() != "__class__" {
            if let Some(res) = lookup_after(vm, &s.typ, start, name) {
                return match res.class().payload.slots.descr_get.get() {
                    Some(g) => {
                        let inst = if obj.is(start.as_object()) {
                            None
                        } else {
                            Some(obj)
                        };
                        g(vm, &res, inst, Some(start.as_object()))
                    }
                    None => Ok(res),
                };
            }
        }
    }
    generic_getattr(vm, zelf, name)
}

fn super_repr(vm: &VM, zelf: &PyObjectRef) -> PyResult {
    let s = zelf.downcast_ref::<PySuper>().expect("super");
    // CPython shows the type's tp_name: a class's plain `__name__`.
    let t = format!("<class '{}'>", s.typ.payload.name());
    Ok(vm.new_str_obj(match &s.obj_type {
        Some(ot) => format!("<super: {t}, <{} object>>", ot.name_string()),
        None => format!("<super: {t}, NULL>"),
    }))
}

fn super_descr_get(
    vm: &VM,
    zelf: &PyObjectRef,
    obj: Option<&PyObjectRef>,
    _cls: Option<&PyObjectRef>,
) -> PyResult {
    let s = zelf.downcast_ref::<PySuper>().expect("super");
    match obj {
        Some(o) if s.obj.is_none() && !vm.is_none(o) => super_new(vm, s.typ.clone(), o.clone()),
        _ => Ok(zelf.clone()),
    }
}

fn super_type_new(
    vm: &VM,
    cls: &PyTypeRef,
    args: &[PyObjectRef],
    kwnames: Option<&PyTupleRef>,
) -> PyResult {
    if kwnames.is_some_and(|k| !k.payload.is_empty()) {
        return Err(vm.new_type_error("super() takes no keyword arguments"));
    }
    let implicit;
    let (typ, obj) = match args {
        [] => {
            implicit = zero_arg_super(vm)?;
            (&implicit.0, Some(&implicit.1))
        }
        [t] => (t, None),
        [t, o] => (t, Some(o)),
        _ => {
            return Err(vm.new_type_error(format!(
                "super() expected at most 2 arguments, got {}",
                args.len()
            )))
        }
    };
    let typ = typ.clone().downcast::<PyType>().map_err(|o| {
        vm.new_type_error(format!(
            "super() argument 1 must be a type, not {}",
            crate::python::args::arg_type_name(&o)
        ))
    })?;
    let (obj, obj_type) = match obj.filter(|o| !vm.is_none(o)) {
        Some(o) => {
            let ot = supercheck(vm, &typ, o)?;
            (Some(o.clone()), Some(ot))
        }
        None => (None, None),
    };
    Ok(PyRef::new_with_type(PySuper { typ, obj, obj_type }, cls.clone()).into_object())
}

/// `super()` inside a method: the eval loop records the running frame's
/// first argument and `__class__` cell for it.
fn zero_arg_super(vm: &VM) -> PyResult<(PyObjectRef, PyObjectRef)> {
    let cur = vm.state.current_frame_super.borrow().clone();
    let Some((first, cell)) = cur else {
        let frame = vm.state.current_frame.borrow().clone();
        let has_args = frame.is_some_and(|f| {
            let c = &f.payload.code.payload.code;
            c.argcount > 0 || c.flags & rython_compiler::code::flags::VARARGS != 0
        });
        return Err(vm.new_runtime_error(if has_args {
            "super(): __class__ cell not found"
        } else {
            "super(): no arguments"
        }));
    };
    let class = match cell.downcast_ref::<crate::objects::cellobject::PyCell>() {
        Some(c) => c
            .get()
            .ok_or_else(|| vm.new_runtime_error("super(): empty __class__ cell"))?,
        None => cell,
    };
    if !class.payload_is::<PyType>() {
        return Err(vm.new_runtime_error(
            "super(): __class__ is not a type (%s)".replace("%s", &class.class().name_string()),
        ));
    }
    Ok((class, first))
}

fn super_init(
    _vm: &VM,
    _zelf: &PyObjectRef,
    _args: &[PyObjectRef],
    _kwnames: Option<&PyTupleRef>,
) -> PyResult<()> {
    Ok(())
}

fn get_super(vm: &VM, zelf: &PyObjectRef) -> PyResult<PyRef<PySuper>> {
    zelf.downcast_cloned::<PySuper>()
        .ok_or_else(|| vm.new_type_error("descriptor requires a 'super' object"))
}

fn super_thisclass(vm: &VM, zelf: &PyObjectRef) -> PyResult {
    Ok(get_super(vm, zelf)?.payload.typ.clone().into_object())
}

fn super_self(vm: &VM, zelf: &PyObjectRef) -> PyResult {
    Ok(get_super(vm, zelf)?
        .payload
        .obj
        .clone()
        .unwrap_or_else(|| vm.none()))
}

fn super_self_class(vm: &VM, zelf: &PyObjectRef) -> PyResult {
    Ok(get_super(vm, zelf)?
        .payload
        .obj_type
        .clone()
        .map(|t| t.into_object())
        .unwrap_or_else(|| vm.none()))
}

/// `LOAD_SUPER_ATTR`: `super(class, self_).name` without creating the
/// super object. With `method`, a plain function or method descriptor is
/// returned unbound together with `self_` (like `LOAD_METHOD`); otherwise
/// the second element is `None`.
pub fn super_getattr(
    vm: &VM,
    global_super: &PyObjectRef,
    class: &PyObjectRef,
    self_: &PyObjectRef,
    name: &PyStrRef,
    method: bool,
) -> PyResult<(PyObjectRef, Option<PyObjectRef>)> {
    if !global_super.is(vm.types.super_type.as_object()) {
        let sup = vm.call(global_super, &[class.clone(), self_.clone()], None)?;
        return Ok((vm.get_attr(&sup, name)?, None));
    }
    let typ = class.clone().downcast::<PyType>().map_err(|o| {
        vm.new_type_error(format!(
            "super() argument 1 must be a type, not {}",
            crate::python::args::arg_type_name(&o)
        ))
    })?;
    let start = supercheck(vm, &typ, self_)?;
    if name.payload.as_str() != "__class__" {
        if let Some(res) = lookup_after(vm, &typ, &start, name) {
            let is_method = res.payload_is::<PyFunction>()
                || res
                    .downcast_ref::<PyMethodDescr>()
                    .is_some_and(|d| d.kind == MethodKind::Instance);
            if method && is_method {
                return Ok((res, Some(self_.clone())));
            }
            return match res.class().payload.slots.descr_get.get() {
                Some(g) => {
                    let inst = if self_.is(start.as_object()) {
                        None
                    } else {
                        Some(self_)
                    };
                    Ok((g(vm, &res, inst, Some(start.as_object()))?, None))
                }
                None => Ok((res, None)),
            };
        }
    }
    let sup = super_new(vm, typ, self_.clone())?;
    Ok((generic_getattr(vm, &sup, name)?, None))
}

pub(crate) fn init(vm: &VM) {
    let t = &vm.types.super_type;
    let s = &t.payload.slots;
    s.new.set(Some(super_type_new));
    s.init.set(Some(super_init));
    s.getattro.set(Some(super_getattro));
    s.repr.set(Some(super_repr));
    s.descr_get.set(Some(super_descr_get));
    vm.add_getset(t, "__thisclass__", super_thisclass, None);
    vm.add_getset(t, "__self__", super_self, None);
    vm.add_getset(t, "__self_class__", super_self_class, None);
}
