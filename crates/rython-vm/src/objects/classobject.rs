//! Bound methods (CPython's Objects/classobject.c), and `function.__get__`
//! (funcobject.c's `func_descr_get`), which creates them: the function type
//! belongs to the eval loop, but binding is part of the descriptor protocol
//! so its `descr_get` slot is set here.

use crate::object::{PyObjectRef, PyPayload, PyRef, PyTypeRef};
use crate::objects::strobject::{PyStr, PyStrRef};
use crate::objects::tupleobject::PyTupleRef;
use crate::objects::typeobject::CompareOp;
use crate::{PyResult, VM};

pub struct PyBoundMethod {
    pub func: PyObjectRef,
    pub self_: PyObjectRef,
}

impl PyPayload for PyBoundMethod {
    fn class(vm: &VM) -> &PyTypeRef {
        &vm.types.bound_method_type
    }

    const GC: bool = true;

    fn traverse(&self, visit: &mut dyn FnMut(&PyObjectRef)) {
        visit(&self.func);
        visit(&self.self_);
    }
}

impl VM {
    /// `types.MethodType(func, obj)`.
    pub fn new_bound_method(&self, func: PyObjectRef, self_: PyObjectRef) -> PyObjectRef {
        PyRef::new_exact(
            PyBoundMethod { func, self_ },
            self.types.bound_method_type.clone(),
        )
        .into_object()
    }
}

/// `function.__get__`: a function found on a class binds to the instance.
pub fn func_descr_get(
    vm: &VM,
    func: &PyObjectRef,
    obj: Option<&PyObjectRef>,
    _cls: Option<&PyObjectRef>,
) -> PyResult {
    match obj {
        None => Ok(func.clone()),
        Some(o) if vm.is_none(o) => Ok(func.clone()),
        Some(o) => Ok(vm.new_bound_method(func.clone(), o.clone())),
    }
}

fn get_method(vm: &VM, zelf: &PyObjectRef) -> PyResult<PyRef<PyBoundMethod>> {
    zelf.downcast_cloned::<PyBoundMethod>()
        .ok_or_else(|| vm.new_type_error("descriptor requires a 'method' object"))
}

fn method_call(
    vm: &VM,
    zelf: &PyObjectRef,
    args: &[PyObjectRef],
    kwnames: Option<&PyTupleRef>,
) -> PyResult {
    let m = get_method(vm, zelf)?;
    let m = &m.payload;
    // A small array on the stack covers the usual arities without touching
    // the heap.
    match args.len() {
        0 => vm.call(&m.func, std::slice::from_ref(&m.self_), kwnames),
        1 => vm.call(&m.func, &[m.self_.clone(), args[0].clone()], kwnames),
        2 => vm.call(
            &m.func,
            &[m.self_.clone(), args[0].clone(), args[1].clone()],
            kwnames,
        ),
        _ => {
            let mut full = Vec::with_capacity(args.len() + 1);
            full.push(m.self_.clone());
            full.extend_from_slice(args);
            vm.call(&m.func, &full, kwnames)
        }
    }
}

/// `method.__getattribute__`: the method type's own attributes first, then
/// the function's (`m.__wrapped__`, function attributes...).
fn method_getattro(vm: &VM, zelf: &PyObjectRef, name: &PyStrRef) -> PyResult {
    if let Some(attr) = zelf.class().lookup(vm, name) {
        return vm.bind_descriptor(attr, Some(zelf), zelf.class().as_object());
    }
    let m = get_method(vm, zelf)?;
    vm.get_attr(&m.payload.func, name)
}

fn method_repr(vm: &VM, zelf: &PyObjectRef) -> PyResult {
    let m = get_method(vm, zelf)?;
    let func = &m.payload.func;
    let name = match vm.get_attr_opt_str(func, "__qualname__")? {
        Some(n) => Some(n),
        None => vm.get_attr_opt_str(func, "__name__")?,
    };
    let name = match name.as_ref().and_then(|n| n.downcast_ref::<PyStr>()) {
        Some(s) => s.as_str().to_string(),
        None => "?".to_string(),
    };
    let self_repr = vm.repr_string(&m.payload.self_)?;
    Ok(vm.new_str_obj(format!("<bound method {name} of {self_repr}>")))
}

fn method_richcompare(vm: &VM, a: &PyObjectRef, b: &PyObjectRef, op: CompareOp) -> PyResult {
    if !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(vm.not_implemented());
    }
    let (Some(x), Some(y)) = (
        a.downcast_ref::<PyBoundMethod>(),
        b.downcast_ref::<PyBoundMethod>(),
    ) else {
        return Ok(vm.not_implemented());
    };
    // Since 3.8 the receivers compare by identity, the functions by `==`.
    let eq = x.self_.is(&y.self_) && vm.eq_bool(&x.func, &y.func)?;
    Ok(vm.new_bool(eq == (op == CompareOp::Eq)))
}

fn method_hash(vm: &VM, zelf: &PyObjectRef) -> PyResult<i64> {
    let m = get_method(vm, zelf)?;
    let h = rython_common::hash::hash_pointer(m.payload.self_.id()) ^ vm.hash(&m.payload.func)?;
    Ok(if h == -1 { -2 } else { h })
}

fn method_func(vm: &VM, zelf: &PyObjectRef) -> PyResult {
    Ok(get_method(vm, zelf)?.payload.func.clone())
}

fn method_self(vm: &VM, zelf: &PyObjectRef) -> PyResult {
    Ok(get_method(vm, zelf)?.payload.self_.clone())
}

fn method_doc(vm: &VM, zelf: &PyObjectRef) -> PyResult {
    let m = get_method(vm, zelf)?;
    vm.get_attr_str(&m.payload.func, "__doc__")
}

fn method_get(
    _vm: &VM,
    zelf: &PyObjectRef,
    _obj: Option<&PyObjectRef>,
    _cls: Option<&PyObjectRef>,
) -> PyResult {
    Ok(zelf.clone())
}

fn method_new(
    vm: &VM,
    _cls: &PyTypeRef,
    args: &[PyObjectRef],
    kwnames: Option<&PyTupleRef>,
) -> PyResult {
    let args = crate::python::args::positional(vm, "method", args, kwnames, 2, 2)?;
    if !vm.is_callable(&args[0]) {
        return Err(vm.new_type_error("first argument must be callable"));
    }
    if vm.is_none(&args[1]) {
        return Err(vm.new_type_error("instance must not be None"));
    }
    Ok(vm.new_bound_method(args[0].clone(), args[1].clone()))
}

fn method_reduce(vm: &VM, args: &[PyObjectRef], kwnames: Option<&PyTupleRef>) -> PyResult {
    let args = crate::python::args::positional(vm, "__reduce__", args, kwnames, 1, 1)?;
    let m = get_method(vm, &args[0])?;
    let name = vm.get_attr_str(&m.payload.func, "__name__")?;
    let getattr = vm
        .builtins
        .payload
        .get_str_name(vm, "getattr")
        .unwrap_or_else(|| vm.none());
    Ok(vm.new_tuple_obj(vec![
        getattr,
        vm.new_tuple_obj(vec![m.payload.self_.clone(), name]),
    ]))
}

/// Fills the slots and methods of this file's type(s).
pub(crate) fn init(vm: &crate::VM) {
    let ty = &vm.types.bound_method_type;
    let s = &ty.payload.slots;
    s.call.set(Some(method_call));
    s.getattro.set(Some(method_getattro));
    s.repr.set(Some(method_repr));
    s.richcompare.set(Some(method_richcompare));
    s.hash.set(Some(method_hash));
    s.descr_get.set(Some(method_get));
    s.new.set(Some(method_new));
    vm.add_getset(ty, "__func__", method_func, None);
    vm.add_getset(ty, "__self__", method_self, None);
    vm.add_getset(ty, "__doc__", method_doc, None);
    vm.add_method(ty, "__reduce__", method_reduce);
    vm.types
        .function_type
        .payload
        .slots
        .descr_get
        .set(Some(func_descr_get));
}
