//! `object`, the root of every class (CPython's Objects/object.c and the
//! `object_*` part of typeobject.c). Its instances carry no payload.

use crate::object::{PyObjectRef, PyPayload, PyRef, PyTypeRef};
use crate::objects::dictobject::PyDict;
use crate::objects::methodobject::method_args;
use crate::objects::strobject::PyStr;
use crate::objects::tupleobject::PyTupleRef;
use crate::objects::typeobject::{flags, CompareOp, PyType};
use crate::python::abstract_::{default_repr, generic_getattr, generic_setattr};
use crate::{PyResult, VM};

pub struct PyBaseObject;

impl PyPayload for PyBaseObject {
    fn class(vm: &VM) -> &PyTypeRef {
        &vm.types.object_type
    }
}

fn has_args(args: &[PyObjectRef], kwnames: Option<&PyTupleRef>) -> bool {
    !args.is_empty() || kwnames.is_some_and(|k| !k.payload.is_empty())
}

#[allow(unpredictable_function_pointer_comparisons)]
fn overrides_new(ty: &PyTypeRef) -> bool {
    ty.payload.slots.new.get() != Some(object_new as crate::objects::typeobject::NewFn)
}

#[allow(unpredictable_function_pointer_comparisons)]
fn overrides_init(ty: &PyTypeRef) -> bool {
    ty.payload.slots.init.get() != Some(object_init as crate::objects::typeobject::InitFn)
}

/// `object.__new__`: excess arguments are an error unless the class
/// overrides exactly one of `__new__`/`__init__` (CPython's rule that lets
/// either method take the constructor arguments).
pub fn object_new(
    vm: &VM,
    cls: &PyTypeRef,
    args: &[PyObjectRef],
    kwnames: Option<&PyTupleRef>,
) -> PyResult {
    if has_args(args, kwnames) {
        if overrides_new(cls) {
            return Err(vm.new_type_error(
                "object.__new__() takes exactly one argument (the type to instantiate)",
            ));
        }
        if !overrides_init(cls) {
            return Err(vm.new_type_error(format!("{}() takes no arguments", cls.name_string())));
        }
    }
    if cls.payload.has_flag(flags::IS_ABSTRACT) {
        return Err(abstract_error(vm, cls));
    }
    if cls.payload.layout.type_id != std::any::TypeId::of::<PyBaseObject>() {
        // Reached only when a builtin base has no `__new__` of its own.
        let n = cls.name_string();
        return Err(vm.new_type_error(format!(
            "object.__new__({n}) is not safe, use {n}.__new__()"
        )));
    }
    Ok(PyRef::new_with_type(PyBaseObject, cls.clone()).into_object())
}

fn abstract_error(vm: &VM, cls: &PyTypeRef) -> crate::PyBaseExceptionRef {
    let mut names: Vec<String> = Vec::new();
    if let Some(am) = cls.lookup_str(vm, "__abstractmethods__") {
        if let Ok(items) = vm.collect(&am) {
            for i in items {
                if let Some(s) = i.downcast_ref::<PyStr>() {
                    names.push(s.as_str().to_string());
                }
            }
        }
    }
    names.sort();
    let quoted: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
    vm.new_type_error(format!(
        "Can't instantiate abstract class {} without an implementation for abstract method{} {}",
        cls.name_string(),
        if names.len() == 1 { "" } else { "s" },
        quoted.join(", ")
    ))
}

pub fn object_init(
    vm: &VM,
    obj: &PyObjectRef,
    args: &[PyObjectRef],
    kwnames: Option<&PyTupleRef>,
) -> PyResult<()> {
    if has_args(args, kwnames) {
        let ty = obj.class();
        if overrides_init(ty) {
            return Err(vm.new_type_error(
                "object.__init__() takes exactly one argument (the instance to initialize)",
            ));
        }
        if !overrides_new(ty) {
            return Err(vm.new_type_error(format!(
                "{}.__init__() takes exactly one argument (the instance to initialize)",
                ty.name_string()
            )));
        }
    }
    Ok(())
}

fn object_repr(vm: &VM, obj: &PyObjectRef) -> PyResult {
    Ok(vm.new_str_obj(default_repr(vm, obj)))
}

fn object_str(vm: &VM, obj: &PyObjectRef) -> PyResult {
    Ok(vm.repr(obj)?.into_object())
}

pub fn object_hash(_vm: &VM, obj: &PyObjectRef) -> PyResult<i64> {
    Ok(rython_common::hash::hash_pointer(obj.id()))
}

/// `==` is identity; `!=` inverts whatever the type's `==` says.
fn object_richcompare(vm: &VM, a: &PyObjectRef, b: &PyObjectRef, op: CompareOp) -> PyResult {
    match op {
        CompareOp::Eq => Ok(if a.is(b) {
            vm.new_bool(true)
        } else {
            vm.not_implemented()
        }),
        CompareOp::Ne => {
            let Some(f) = a.class().payload.slots.richcompare.get() else {
                return Ok(vm.not_implemented());
            };
            let r = f(vm, a, b, CompareOp::Eq)?;
            if vm.is_not_implemented(&r) {
                return Ok(r);
            }
            Ok(vm.new_bool(!vm.is_true(&r)?))
        }
        _ => Ok(vm.not_implemented()),
    }
}

fn object_get_class(_vm: &VM, obj: &PyObjectRef) -> PyResult {
    Ok(obj.class().clone().into_object())
}

/// Whether instances of `a` can become instances of `b` in place.
fn same_layout(a: &PyTypeRef, b: &PyTypeRef) -> bool {
    let (a, b) = (&a.payload, &b.payload);
    a.layout.type_id == b.layout.type_id
        && a.has_instance_ext() == b.has_instance_ext()
        && a.has_flag(flags::HAS_DICT) == b.has_flag(flags::HAS_DICT)
        && a.slot_names == b.slot_names
}

fn object_set_class(vm: &VM, obj: &PyObjectRef, value: Option<PyObjectRef>) -> PyResult<()> {
    let Some(value) = value else {
        return Err(vm.new_type_error("can't delete __class__ attribute"));
    };
    let new = value.downcast::<PyType>().map_err(|v| {
        vm.new_type_error(format!(
            "__class__ must be set to a class, not '{}' object",
            v.class().name_string()
        ))
    })?;
    let old = obj.class().clone();
    let module = &vm.types.module_type;
    let both_modules = new.is_subtype(module) && old.is_subtype(module);
    if !both_modules
        && (new.payload.has_flag(flags::IMMUTABLETYPE)
            || old.payload.has_flag(flags::IMMUTABLETYPE))
    {
        return Err(vm.new_type_error(
            "__class__ assignment only supported for mutable types or ModuleType subclasses",
        ));
    }
    if !same_layout(&new, &old) {
        return Err(vm.new_type_error(format!(
            "__class__ assignment: '{}' object layout differs from '{}'",
            new.name_string(),
            old.name_string()
        )));
    }
    // Inline values are laid out by the old class's keys.
    if let Some(ext) = obj.instance_ext() {
        ext.existing_dict(vm, &old);
    }
    obj.set_class(new);
    Ok(())
}

/// The instance `__dict__` getset that classes with a dict get.
pub fn instance_dict_get(vm: &VM, obj: &PyObjectRef) -> PyResult {
    let Some(ext) = obj.instance_ext() else {
        return Err(vm.new_no_attribute_error(obj, "__dict__"));
    };
    let d = ext.dict_object(vm, obj.class());
    Ok(d)
}

pub fn instance_dict_set(vm: &VM, obj: &PyObjectRef, value: Option<PyObjectRef>) -> PyResult<()> {
    let Some(ext) = obj.instance_ext() else {
        return Err(vm.new_no_attribute_error(obj, "__dict__"));
    };
    let Some(v) = value else {
        // Deleting leaves a fresh empty dict for the next access.
        ext.clear_dict();
        return Ok(());
    };
    if !v.payload_is::<PyDict>() {
        return Err(vm.new_type_error(format!(
            "__dict__ must be set to a dictionary, not a '{}'",
            v.class().name_string()
        )));
    }
    ext.set_dict(obj.class(), v);
    Ok(())
}

pub fn instance_weakref_get(vm: &VM, _obj: &PyObjectRef) -> PyResult {
    Ok(vm.none())
}

fn object_dir(vm: &VM, args: &[PyObjectRef], kwnames: Option<&PyTupleRef>) -> PyResult {
    let a = method_args(vm, "object.__dir__", args, kwnames, 0)?;
    let obj = &a[0];
    let result = vm.new_dict();
    if let Some(d) = vm.get_attr_opt_str(obj, "__dict__")? {
        if let Some(d) = d.downcast_ref::<PyDict>() {
            result.payload.copy_from(vm, d)?;
        }
    }
    let cls = match vm.get_attr_opt_str(obj, "__class__")? {
        Some(c) => c.downcast::<PyType>().ok(),
        None => None,
    };
    if let Some(cls) = cls {
        for t in cls.mro_with_self() {
            for k in t.payload.dict.keys() {
                result.payload.set_item(vm, k, vm.none())?;
            }
        }
    }
    Ok(vm.new_list(result.payload.keys()).into_object())
}

fn object_format(vm: &VM, args: &[PyObjectRef], kwnames: Option<&PyTupleRef>) -> PyResult {
    let a = method_args(vm, "object.__format__", args, kwnames, 1)?;
    let Some(spec) = a[1].downcast_ref::<PyStr>() else {
        return Err(vm.new_type_error(format!(
            "__format__() argument must be str, not {}",
            crate::python::args::arg_type_name(&a[1])
        )));
    };
    if !spec.as_str().is_empty() {
        return Err(vm.new_type_error(format!(
            "unsupported format string passed to {}.__format__",
            a[0].class().name_string()
        )));
    }
    Ok(vm.str(&a[0])?.into_object())
}

fn object_sizeof(vm: &VM, args: &[PyObjectRef], kwnames: Option<&PyTupleRef>) -> PyResult {
    let a = method_args(vm, "object.__sizeof__", args, kwnames, 0)?;
    let n = 16 + 8 * a[0].class().payload.slot_count();
    Ok(vm.new_int(n as i64))
}

/// `__reduce_ex__`: an overriding `__reduce__` wins; otherwise protocol 2+
/// gives `copyreg.__newobj__` with the state, older protocols defer to
/// `copyreg._reduce_ex` (CPython's `reduce_newobj`).
fn object_reduce_ex(vm: &VM, args: &[PyObjectRef], kwnames: Option<&PyTupleRef>) -> PyResult {
    let a = method_args(vm, "object.__reduce_ex__", args, kwnames, 1)?;
    let obj = &a[0];
    if let Some(r) = obj.class().lookup_str(vm, "__reduce__") {
        let is_object_reduce = r
            .downcast_ref::<crate::objects::methodobject::PyMethodDescr>()
            .is_some_and(|d| d.objclass.is(&vm.types.object_type));
        if !is_object_reduce {
            return vm.call_method(obj, "__reduce__", &[]);
        }
    }
    let proto = vm.to_isize(&a[1], "")?;
    if proto < 2 {
        let f = vm.import_attr("copyreg", "_reduce_ex")?;
        return vm.call(&f, &[obj.clone(), a[1].clone()], None);
    }
    reduce_newobj(vm, obj)
}

fn reduce_newobj(vm: &VM, obj: &PyObjectRef) -> PyResult {
    let cls = obj.class().clone();
    if cls.payload.slots.new.get().is_none() {
        return Err(vm.new_type_error(format!("cannot pickle '{}' object", cls.name_string())));
    }
    let mut newargs = vec![cls.clone().into_object()];
    if let Some(f) = vm.lookup_special(obj, "__getnewargs__")? {
        newargs.extend(vm.collect(&vm.call0(&f)?)?);
    }
    let newobj = vm.import_attr("copyreg", "__newobj__")?;
    let state = vm.call_method(obj, "__getstate__", &[])?;
    let listitems = if obj.class().is_subtype(&vm.types.list_type) {
        vm.get_iter(obj)?
    } else {
        vm.none()
    };
    let dictitems = if obj.class().is_subtype(&vm.types.dict_type) {
        let items = vm.call_method(obj, "items", &[])?;
        vm.get_iter(&items)?
    } else {
        vm.none()
    };
    Ok(vm.new_tuple_obj(vec![
        newobj,
        vm.new_tuple_obj(newargs),
        state,
        listitems,
        dictitems,
    ]))
}

fn object_reduce(vm: &VM, args: &[PyObjectRef], kwnames: Option<&PyTupleRef>) -> PyResult {
    let a = method_args(vm, "object.__reduce__", args, kwnames, 0)?;
    let f = vm.import_attr("copyreg", "_reduce_ex")?;
    vm.call(&f, &[a[0].clone(), vm.new_int(0)], None)
}

fn object_init_subclass(vm: &VM, args: &[PyObjectRef], kwnames: Option<&PyTupleRef>) -> PyResult {
    let name = match args.first().and_then(|c| c.downcast_ref::<PyType>()) {
        Some(t) => t.qualname.borrow().clone(),
        None => "object".to_string(),
    };
    if kwnames.is_some_and(|k| !k.payload.is_empty()) {
        return Err(vm.new_type_error(format!(
            "{name}.__init_subclass__() takes no keyword arguments"
        )));
    }
    if args.len() > 1 {
        return Err(vm.new_type_error(format!(
            "{name}.__init_subclass__() takes no arguments ({} given)",
            args.len() - 1
        )));
    }
    Ok(vm.none())
}

fn object_subclasshook(vm: &VM, args: &[PyObjectRef], kwnames: Option<&PyTupleRef>) -> PyResult {
    if args.len() != 2 || kwnames.is_some_and(|k| !k.payload.is_empty()) {
        return Err(vm.new_type_error(format!(
            "object.__subclasshook__() takes exactly one argument ({} given)",
            args.len().saturating_sub(1)
        )));
    }
    Ok(vm.not_implemented())
}

/// `object.__getstate__`: the instance dict (None when empty), paired
/// with a dict of the filled `__slots__` when the class has any.
fn object_getstate(vm: &VM, args: &[PyObjectRef], kwnames: Option<&PyTupleRef>) -> PyResult {
    let a = method_args(vm, "object.__getstate__", args, kwnames, 0)?;
    let obj = &a[0];
    let dict = match obj
        .instance_ext()
        .and_then(|e| e.existing_dict(vm, obj.class()))
    {
        Some(d) if d.downcast_ref::<PyDict>().is_some_and(|d| !d.is_empty()) => d,
        _ => vm.none(),
    };
    let names = obj.class().payload.slot_names.clone();
    if names.is_empty() {
        return Ok(dict);
    }
    let slots = vm.new_dict();
    if let Some(ext) = obj.instance_ext() {
        for (i, n) in names.iter().enumerate() {
            let v = ext.slot(i).and_then(|c| c.borrow().clone());
            if let Some(v) = v {
                slots.payload.set_str(vm, n, v);
            }
        }
    }
    Ok(vm.new_tuple_obj(vec![dict, slots.into_object()]))
}

const OBJECT_DOC: &str = "The base class of the class hierarchy.\n\nWhen called, it accepts no arguments and returns a new featureless\ninstance that has no instance attributes and cannot be given any.\n";

/// Fills the slots and methods of this file's type(s).
pub(crate) fn init(vm: &crate::VM) {
    let ty = &vm.types.object_type;
    let s = &ty.payload.slots;
    s.new.set(Some(object_new));
    s.init.set(Some(object_init));
    s.repr.set(Some(object_repr));
    s.str.set(Some(object_str));
    s.hash.set(Some(object_hash));
    s.richcompare.set(Some(object_richcompare));
    s.getattro.set(Some(generic_getattr));
    s.setattro.set(Some(generic_setattr));
    vm.add_getset(ty, "__class__", object_get_class, Some(object_set_class));
    vm.add_method(ty, "__dir__", object_dir);
    vm.add_method(ty, "__format__", object_format);
    vm.add_method(ty, "__sizeof__", object_sizeof);
    vm.add_method(ty, "__reduce_ex__", object_reduce_ex);
    vm.add_method(ty, "__reduce__", object_reduce);
    vm.add_method(ty, "__getstate__", object_getstate);
    vm.add_classmethod(ty, "__init_subclass__", object_init_subclass);
    vm.add_classmethod(ty, "__subclasshook__", object_subclasshook);
    vm.add_class_attr(ty, "__doc__", vm.new_str_obj(OBJECT_DOC));
}
