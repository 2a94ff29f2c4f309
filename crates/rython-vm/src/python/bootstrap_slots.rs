//! Minimal call and descriptor slots for the native callable types, set
//! before every type's own `init` (which may replace them with complete
//! versions). They let the interpreter run before typeobject.rs and
//! methodobject.rs are complete.

use crate::object::{PyObjectRef, PyRef};
use crate::objects::classobject::PyBoundMethod;
use crate::objects::descrobject::PyGetSetDescr;
use crate::objects::methodobject::{MethodKind, PyBuiltinFunction, PyMethodDescr};
use crate::objects::tupleobject::PyTupleRef;
use crate::{PyResult, VM};

fn builtin_call(
    vm: &VM,
    obj: &PyObjectRef,
    args: &[PyObjectRef],
    kw: Option<&PyTupleRef>,
) -> PyResult {
    let f = obj
        .downcast_ref::<PyBuiltinFunction>()
        .ok_or_else(|| vm.new_type_error("expected builtin"))?;
    match (&f.self_, f.pass_self) {
        (Some(s), true) => {
            let mut full = Vec::with_capacity(args.len() + 1);
            full.push(s.clone());
            full.extend_from_slice(args);
            (f.func)(vm, &full, kw)
        }
        _ => (f.func)(vm, args, kw),
    }
}

fn method_descr_call(
    vm: &VM,
    obj: &PyObjectRef,
    args: &[PyObjectRef],
    kw: Option<&PyTupleRef>,
) -> PyResult {
    let d = obj
        .downcast_ref::<PyMethodDescr>()
        .ok_or_else(|| vm.new_type_error("expected method descriptor"))?;
    if d.kind == MethodKind::Static {
        return (d.func)(vm, args, kw);
    }
    let Some(first) = args.first() else {
        return Err(vm.new_type_error(format!(
            "unbound method {}.{}() needs an argument",
            d.objclass.name_string(),
            d.name
        )));
    };
    let ok = if d.kind == MethodKind::Class {
        first.payload_is::<crate::objects::typeobject::PyType>()
    } else {
        first.class().is_subtype(&d.objclass)
    };
    if !ok {
        return Err(vm.new_type_error(format!(
            "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
            d.name,
            d.objclass.name_string(),
            first.class().name_string()
        )));
    }
    (d.func)(vm, args, kw)
}

fn method_descr_get(
    vm: &VM,
    descr: &PyObjectRef,
    obj: Option<&PyObjectRef>,
    cls: Option<&PyObjectRef>,
) -> PyResult {
    let d = descr
        .downcast_ref::<PyMethodDescr>()
        .ok_or_else(|| vm.new_type_error("expected method descriptor"))?;
    let bound_to = match d.kind {
        MethodKind::Static => return Ok(descr.clone()),
        MethodKind::Class => match (obj, cls) {
            (_, Some(c)) => c.clone(),
            (Some(o), None) => o.class().clone().into_object(),
            _ => return Ok(descr.clone()),
        },
        MethodKind::Instance => match obj {
            Some(o)
                if !vm.is_none(o)
                    || cls
                        .map(|c| !c.is(vm.types.none_type.as_object()))
                        .unwrap_or(false) =>
            {
                o.clone()
            }
            _ => return Ok(descr.clone()),
        },
    };
    Ok(PyRef::new_exact(
        PyBuiltinFunction {
            name: d.name,
            func: d.func,
            self_: Some(bound_to),
            pass_self: true,
            doc: d.doc,
        },
        vm.types.builtin_function_type.clone(),
    )
    .into_object())
}

fn getset_get(
    vm: &VM,
    descr: &PyObjectRef,
    obj: Option<&PyObjectRef>,
    _cls: Option<&PyObjectRef>,
) -> PyResult {
    let d = descr
        .downcast_ref::<PyGetSetDescr>()
        .ok_or_else(|| vm.new_type_error("expected getset descriptor"))?;
    match obj {
        Some(o) => (d.getter)(vm, o),
        None => Ok(descr.clone()),
    }
}

fn getset_set(
    vm: &VM,
    descr: &PyObjectRef,
    obj: &PyObjectRef,
    value: Option<PyObjectRef>,
) -> PyResult<()> {
    let d = descr
        .downcast_ref::<PyGetSetDescr>()
        .ok_or_else(|| vm.new_type_error("expected getset descriptor"))?;
    match d.setter {
        Some(s) => s(vm, obj, value),
        None => Err(vm.new_attribute_error(
            format!(
                "attribute '{}' of '{}' objects is not writable",
                d.name,
                d.objclass.name_string()
            ),
            Some(obj),
            Some(d.name),
        )),
    }
}

fn bound_call(
    vm: &VM,
    obj: &PyObjectRef,
    args: &[PyObjectRef],
    kw: Option<&PyTupleRef>,
) -> PyResult {
    let m = obj
        .downcast_ref::<PyBoundMethod>()
        .ok_or_else(|| vm.new_type_error("expected method"))?;
    let mut full = Vec::with_capacity(args.len() + 1);
    full.push(m.self_.clone());
    full.extend_from_slice(args);
    vm.call(&m.func, &full, kw)
}

fn function_get(
    vm: &VM,
    descr: &PyObjectRef,
    obj: Option<&PyObjectRef>,
    _cls: Option<&PyObjectRef>,
) -> PyResult {
    match obj {
        Some(o) if !vm.is_none(o) => Ok(PyRef::new_exact(
            PyBoundMethod {
                func: descr.clone(),
                self_: o.clone(),
            },
            vm.types.bound_method_type.clone(),
        )
        .into_object()),
        _ => Ok(descr.clone()),
    }
}

pub fn init(vm: &VM) {
    let t = &vm.types;
    t.builtin_function_type
        .payload
        .slots
        .call
        .set(Some(builtin_call));
    t.method_wrapper_type
        .payload
        .slots
        .call
        .set(Some(builtin_call));
    for d in [
        &t.method_descriptor_type,
        &t.classmethod_descriptor_type,
        &t.wrapper_descriptor_type,
    ] {
        d.payload.slots.call.set(Some(method_descr_call));
        d.payload.slots.descr_get.set(Some(method_descr_get));
    }
    t.getset_descriptor_type
        .payload
        .slots
        .descr_get
        .set(Some(getset_get));
    t.getset_descriptor_type
        .payload
        .slots
        .descr_set
        .set(Some(getset_set));
    t.bound_method_type.payload.slots.call.set(Some(bound_call));
    t.function_type
        .payload
        .slots
        .descr_get
        .set(Some(function_get));
}
