//! The attributes and methods of `type` itself (`__name__`, `__bases__`,
//! `__dict__`, `mro()`, `__subclasses__()`...; CPython's typeobject.c
//! `type_getsets` and `type_methods`).

use crate::object::{PyObjectRef, PyTypeRef};
use crate::objects::methodobject::method_args;
use crate::objects::strobject::PyStr;
use crate::objects::tupleobject::PyTupleRef;
use crate::objects::typeobject::{
    flags, immutable_error, type_modified, type_ref, typeobject_new, PyType, TYPE_DOC,
};
use crate::{PyResult, VM};

// ----- attributes of type objects ---------------------------------------

fn check_settable(
    vm: &VM,
    ty: &PyTypeRef,
    name: &str,
    value: &Option<PyObjectRef>,
) -> PyResult<()> {
    if !ty.payload.is_heap_type() || ty.payload.has_flag(flags::IMMUTABLETYPE) {
        return Err(immutable_error(vm, ty, name, value.is_none()));
    }
    if value.is_none() {
        return Err(immutable_error(vm, ty, name, true));
    }
    Ok(())
}

fn type_get_name(vm: &VM, obj: &PyObjectRef) -> PyResult {
    Ok(vm.new_str_obj(type_ref(vm, obj)?.name_string()))
}

fn type_set_name(vm: &VM, obj: &PyObjectRef, value: Option<PyObjectRef>) -> PyResult<()> {
    let ty = type_ref(vm, obj)?;
    check_settable(vm, &ty, "__name__", &value)?;
    let v = value.expect("checked");
    let Some(s) = v.downcast_ref::<PyStr>() else {
        return Err(vm.new_type_error(format!(
            "can only assign string to {}.__name__, not '{}'",
            ty.name_string(),
            v.class().name_string()
        )));
    };
    if s.as_str().contains('\0') {
        return Err(vm.new_value_error("type name must not contain null characters"));
    }
    *ty.payload.name.borrow_mut() = s.as_str().to_string();
    Ok(())
}

fn type_get_qualname(vm: &VM, obj: &PyObjectRef) -> PyResult {
    let ty = type_ref(vm, obj)?;
    let q = ty.payload.qualname.borrow().clone();
    Ok(vm.new_str_obj(q))
}

fn type_set_qualname(vm: &VM, obj: &PyObjectRef, value: Option<PyObjectRef>) -> PyResult<()> {
    let ty = type_ref(vm, obj)?;
    check_settable(vm, &ty, "__qualname__", &value)?;
    let v = value.expect("checked");
    let Some(s) = v.downcast_ref::<PyStr>() else {
        return Err(vm.new_type_error(format!(
            "can only assign string to {}.__qualname__, not '{}'",
            ty.name_string(),
            v.class().name_string()
        )));
    };
    *ty.payload.qualname.borrow_mut() = s.as_str().to_string();
    Ok(())
}

fn type_get_module(vm: &VM, obj: &PyObjectRef) -> PyResult {
    let ty = type_ref(vm, obj)?;
    if ty.payload.is_heap_type() {
        return ty
            .payload
            .dict
            .get_str_name(vm, "__module__")
            .ok_or_else(|| vm.new_attribute_error("__module__", Some(obj), Some("__module__")));
    }
    Ok(vm.new_str_obj(ty.module_name(vm).unwrap_or_default()))
}

fn type_set_module(vm: &VM, obj: &PyObjectRef, value: Option<PyObjectRef>) -> PyResult<()> {
    let ty = type_ref(vm, obj)?;
    check_settable(vm, &ty, "__module__", &value)?;
    ty.payload
        .dict
        .set_str(vm, "__module__", value.expect("checked"));
    type_modified(vm, &ty, false);
    Ok(())
}

fn type_get_bases(vm: &VM, obj: &PyObjectRef) -> PyResult {
    let ty = type_ref(vm, obj)?;
    let bases: Vec<PyObjectRef> = ty
        .payload
        .bases
        .borrow()
        .iter()
        .map(|b| b.clone().into_object())
        .collect();
    Ok(vm.new_tuple_obj(bases))
}

fn type_set_bases(vm: &VM, obj: &PyObjectRef, value: Option<PyObjectRef>) -> PyResult<()> {
    let ty = type_ref(vm, obj)?;
    check_settable(vm, &ty, "__bases__", &value)?;
    typeobject_new::set_bases(vm, &ty, value.expect("checked"))
}

fn type_get_base(vm: &VM, obj: &PyObjectRef) -> PyResult {
    let ty = type_ref(vm, obj)?;
    let b = ty.payload.base.borrow().clone();
    Ok(b.map(|b| b.into_object()).unwrap_or_else(|| vm.none()))
}

fn type_get_mro(vm: &VM, obj: &PyObjectRef) -> PyResult {
    let ty = type_ref(vm, obj)?;
    let v = ty
        .mro_with_self()
        .into_iter()
        .map(|t| t.into_object())
        .collect();
    Ok(vm.new_tuple_obj(v))
}

fn type_get_dict(vm: &VM, obj: &PyObjectRef) -> PyResult {
    let ty = type_ref(vm, obj)?;
    Ok(vm.new_mappingproxy(ty.into_object()))
}

fn type_get_doc(vm: &VM, obj: &PyObjectRef) -> PyResult {
    let ty = type_ref(vm, obj)?;
    if ty.is(&vm.types.type_type) {
        return Ok(vm.new_str_obj(TYPE_DOC));
    }
    let Some(doc) = ty.payload.dict.get_str_name(vm, "__doc__") else {
        return Ok(vm.none());
    };
    if !ty.payload.is_heap_type() {
        return Ok(doc);
    }
    match doc.class().payload.slots.descr_get.get() {
        Some(g) => g(vm, &doc, None, Some(obj)),
        None => Ok(doc),
    }
}

fn type_set_doc(vm: &VM, obj: &PyObjectRef, value: Option<PyObjectRef>) -> PyResult<()> {
    let ty = type_ref(vm, obj)?;
    check_settable(vm, &ty, "__doc__", &value)?;
    ty.payload
        .dict
        .set_str(vm, "__doc__", value.expect("checked"));
    type_modified(vm, &ty, false);
    Ok(())
}

fn type_get_annotations(vm: &VM, obj: &PyObjectRef) -> PyResult {
    let ty = type_ref(vm, obj)?;
    if !ty.payload.is_heap_type() {
        return Err(vm.new_attribute_error(
            format!(
                "type object '{}' has no attribute '__annotations__'",
                ty.name_string()
            ),
            Some(obj),
            Some("__annotations__"),
        ));
    }
    if let Some(a) = ty.payload.dict.get_str_name(vm, "__annotations__") {
        return match a.class().payload.slots.descr_get.get() {
            Some(g) => g(vm, &a, None, Some(obj)),
            None => Ok(a),
        };
    }
    let d = vm.new_dict().into_object();
    ty.payload.dict.set_str(vm, "__annotations__", d.clone());
    Ok(d)
}

fn type_set_annotations(vm: &VM, obj: &PyObjectRef, value: Option<PyObjectRef>) -> PyResult<()> {
    let ty = type_ref(vm, obj)?;
    if !ty.payload.is_heap_type() || ty.payload.has_flag(flags::IMMUTABLETYPE) {
        return Err(immutable_error(vm, &ty, "__annotations__", value.is_none()));
    }
    match value {
        Some(v) => ty.payload.dict.set_str(vm, "__annotations__", v),
        None => {
            let key = vm.intern("__annotations__");
            if ty.payload.dict.pop_item(vm, key.as_object())?.is_none() {
                return Err(vm.new_attribute_error(
                    "__annotations__",
                    Some(obj),
                    Some("__annotations__"),
                ));
            }
        }
    }
    type_modified(vm, &ty, false);
    Ok(())
}

fn type_get_abstractmethods(vm: &VM, obj: &PyObjectRef) -> PyResult {
    let ty = type_ref(vm, obj)?;
    if !ty.is(&vm.types.type_type) {
        if let Some(v) = ty.payload.dict.get_str_name(vm, "__abstractmethods__") {
            return Ok(v);
        }
    }
    Err(vm.new_attribute_error(
        "__abstractmethods__",
        Some(obj),
        Some("__abstractmethods__"),
    ))
}

fn type_set_abstractmethods(
    vm: &VM,
    obj: &PyObjectRef,
    value: Option<PyObjectRef>,
) -> PyResult<()> {
    let ty = type_ref(vm, obj)?;
    if ty.payload.has_flag(flags::IMMUTABLETYPE) {
        return Err(immutable_error(
            vm,
            &ty,
            "__abstractmethods__",
            value.is_none(),
        ));
    }
    let abstract_ = match &value {
        Some(v) => vm.is_true(v)?,
        None => false,
    };
    match value {
        Some(v) => ty.payload.dict.set_str(vm, "__abstractmethods__", v),
        None => {
            let key = vm.intern("__abstractmethods__");
            if ty.payload.dict.pop_item(vm, key.as_object())?.is_none() {
                return Err(vm.new_attribute_error(
                    "__abstractmethods__",
                    Some(obj),
                    Some("__abstractmethods__"),
                ));
            }
        }
    }
    ty.payload.set_flag(flags::IS_ABSTRACT, abstract_);
    type_modified(vm, &ty, false);
    Ok(())
}

fn type_get_type_params(vm: &VM, obj: &PyObjectRef) -> PyResult {
    let ty = type_ref(vm, obj)?;
    Ok(ty
        .payload
        .dict
        .get_str_name(vm, "__type_params__")
        .unwrap_or_else(|| vm.new_tuple_obj(vec![])))
}

fn type_get_flags(vm: &VM, obj: &PyObjectRef) -> PyResult {
    // CPython's bit values for the flags code commonly tests.
    let ty = type_ref(vm, obj)?;
    let p = &ty.payload;
    let mut f: i64 = 0;
    let map: [(u32, i64); 10] = [
        (flags::HEAPTYPE, 1 << 9),
        (flags::BASETYPE, 1 << 10),
        (flags::IS_ABSTRACT, 1 << 20),
        (flags::LONG_SUBCLASS, 1 << 24),
        (flags::TUPLE_SUBCLASS, 1 << 26),
        (flags::STR_SUBCLASS, 1 << 28),
        (flags::BASE_EXC_SUBCLASS, 1 << 30),
        (flags::TYPE_SUBCLASS, 1 << 31),
        (flags::IMMUTABLETYPE, 1 << 8),
        (flags::SEQUENCE, 1 << 5),
    ];
    for (ours, theirs) in map {
        if p.has_flag(ours) {
            f |= theirs;
        }
    }
    if p.has_flag(flags::MAPPING) {
        f |= 1 << 6;
    }
    Ok(vm.new_int(f))
}

// ----- methods of type ------------------------------------------------------

fn arg_type(vm: &VM, args: &[PyObjectRef], fname: &str) -> PyResult<PyTypeRef> {
    match args.first() {
        Some(a) => type_ref(vm, a),
        None => Err(vm.new_type_error(format!("unbound method type.{fname}() needs an argument"))),
    }
}

fn type_mro(vm: &VM, args: &[PyObjectRef], kwnames: Option<&PyTupleRef>) -> PyResult {
    let a = method_args(vm, "type.mro", args, kwnames, 0)?;
    let ty = arg_type(vm, a, "mro")?;
    let mro = typeobject_new::compute_mro(vm, &ty)?;
    Ok(vm
        .new_list(mro.into_iter().map(|t| t.into_object()).collect())
        .into_object())
}

fn type_subclasses(vm: &VM, args: &[PyObjectRef], kwnames: Option<&PyTupleRef>) -> PyResult {
    let a = method_args(vm, "type.__subclasses__", args, kwnames, 0)?;
    let ty = arg_type(vm, a, "__subclasses__")?;
    let subs = ty.payload.subclasses.borrow().clone();
    Ok(vm
        .new_list(subs.into_iter().map(|t| t.into_object()).collect())
        .into_object())
}

fn type_prepare(vm: &VM, _args: &[PyObjectRef], _kwnames: Option<&PyTupleRef>) -> PyResult {
    Ok(vm.new_dict().into_object())
}

fn type_instancecheck(vm: &VM, args: &[PyObjectRef], kwnames: Option<&PyTupleRef>) -> PyResult {
    let a = method_args(vm, "type.__instancecheck__", args, kwnames, 1)?;
    let ty = arg_type(vm, a, "__instancecheck__")?;
    let obj = &a[1];
    if obj.class().is_subtype(&ty) {
        return Ok(vm.new_bool(true));
    }
    // A proxy may report another class through `__class__`.
    if let Some(c) = vm.get_attr_opt_str(obj, "__class__")? {
        if !c.is(obj.class().as_object()) {
            if let Ok(ct) = c.downcast::<PyType>() {
                return Ok(vm.new_bool(ct.is_subtype(&ty)));
            }
        }
    }
    Ok(vm.new_bool(false))
}

fn type_subclasscheck(vm: &VM, args: &[PyObjectRef], kwnames: Option<&PyTupleRef>) -> PyResult {
    let a = method_args(vm, "type.__subclasscheck__", args, kwnames, 1)?;
    let ty = arg_type(vm, a, "__subclasscheck__")?;
    match a[1].clone().downcast::<PyType>() {
        Ok(sub) => Ok(vm.new_bool(sub.is_subtype(&ty))),
        Err(other) => {
            if vm.get_attr_opt_str(&other, "__bases__")?.is_none() {
                return Err(vm.new_type_error("issubclass() arg 1 must be a class"));
            }
            Ok(vm.new_bool(false))
        }
    }
}

fn type_dir(vm: &VM, args: &[PyObjectRef], kwnames: Option<&PyTupleRef>) -> PyResult {
    let a = method_args(vm, "type.__dir__", args, kwnames, 0)?;
    let ty = arg_type(vm, a, "__dir__")?;
    let result = vm.new_dict();
    for t in ty.mro_with_self() {
        for k in t.payload.dict.keys() {
            result.payload.set_item(vm, k, vm.none())?;
        }
    }
    Ok(vm.new_list(result.payload.keys()).into_object())
}

fn type_sizeof(vm: &VM, args: &[PyObjectRef], kwnames: Option<&PyTupleRef>) -> PyResult {
    method_args(vm, "type.__sizeof__", args, kwnames, 0)?;
    Ok(vm.new_int(928))
}

/// Adds the getsets and methods of `type` to its dict.
pub(super) fn register(vm: &VM, t: &PyTypeRef) {
    vm.add_getset(t, "__name__", type_get_name, Some(type_set_name));
    vm.add_getset(
        t,
        "__qualname__",
        type_get_qualname,
        Some(type_set_qualname),
    );
    vm.add_getset(t, "__module__", type_get_module, Some(type_set_module));
    vm.add_getset(t, "__bases__", type_get_bases, Some(type_set_bases));
    vm.add_getset(t, "__base__", type_get_base, None);
    vm.add_getset(t, "__mro__", type_get_mro, None);
    vm.add_getset(t, "__dict__", type_get_dict, None);
    vm.add_getset(t, "__doc__", type_get_doc, Some(type_set_doc));
    vm.add_getset(
        t,
        "__annotations__",
        type_get_annotations,
        Some(type_set_annotations),
    );
    vm.add_getset(
        t,
        "__abstractmethods__",
        type_get_abstractmethods,
        Some(type_set_abstractmethods),
    );
    vm.add_getset(t, "__type_params__", type_get_type_params, None);
    vm.add_getset(t, "__flags__", type_get_flags, None);
    vm.add_method(t, "mro", type_mro);
    vm.add_method(t, "__subclasses__", type_subclasses);
    vm.add_classmethod(t, "__prepare__", type_prepare);
    vm.add_method(t, "__instancecheck__", type_instancecheck);
    vm.add_method(t, "__subclasscheck__", type_subclasscheck);
    vm.add_method(t, "__dir__", type_dir);
    vm.add_method(t, "__sizeof__", type_sizeof);
}
