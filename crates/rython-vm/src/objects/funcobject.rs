//! Python functions (CPython's Objects/funcobject.c).

use std::cell::RefCell;

use crate::object::{PyObjectRef, PyPayload, PyRef, PyTypeRef};
use crate::objects::codeobject::PyCodeRef;
use crate::objects::dictobject::PyDict;
use crate::objects::dictobject::PyDictRef;
use crate::objects::strobject::PyStr;
use crate::objects::strobject::PyStrRef;
use crate::objects::tupleobject::PyTupleRef;
use crate::{PyResult, VM};

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

    const GC: bool = true;

    fn traverse(&self, visit: &mut dyn FnMut(&PyObjectRef)) {
        visit(self.globals.as_object());
        visit(self.builtins.as_object());
        let opt = |c: &RefCell<Option<PyObjectRef>>, visit: &mut dyn FnMut(&PyObjectRef)| {
            if let Ok(v) = c.try_borrow() {
                v.iter().for_each(visit);
            }
        };
        if let Ok(v) = self.defaults.try_borrow() {
            v.iter().for_each(|t| visit(t.as_object()));
        }
        if let Ok(v) = self.kwdefaults.try_borrow() {
            v.iter().for_each(|d| visit(d.as_object()));
        }
        if let Ok(v) = self.closure.try_borrow() {
            v.iter().for_each(|t| visit(t.as_object()));
        }
        opt(&self.annotations, visit);
        if let Ok(v) = self.doc.try_borrow() {
            visit(&v);
        }
        if let Ok(v) = self.module.try_borrow() {
            visit(&v);
        }
        if let Ok(v) = self.dict.try_borrow() {
            v.iter().for_each(|d| visit(d.as_object()));
        }
        if let Ok(v) = self.type_params.try_borrow() {
            v.iter().for_each(|t| visit(t.as_object()));
        }
    }

    fn clear(&self) {
        // Taken out first, dropped after every borrow has ended.
        let defaults = self.defaults.try_borrow_mut().map(|mut v| v.take());
        let kwdefaults = self.kwdefaults.try_borrow_mut().map(|mut v| v.take());
        let closure = self.closure.try_borrow_mut().map(|mut v| v.take());
        let annotations = self.annotations.try_borrow_mut().map(|mut v| v.take());
        let dict = self.dict.try_borrow_mut().map(|mut v| v.take());
        drop((defaults, kwdefaults, closure, annotations, dict));
    }
}

/// Fills the slots and methods of this file's type(s).
fn function_call(
    vm: &VM,
    obj: &PyObjectRef,
    args: &[PyObjectRef],
    kwnames: Option<&PyTupleRef>,
) -> PyResult {
    let f = obj
        .clone()
        .downcast::<PyFunction>()
        .map_err(|_| vm.new_type_error("expected a function"))?;
    vm.invoke_function(&f, args, kwnames)
}

fn as_func<'a>(vm: &VM, obj: &'a PyObjectRef) -> PyResult<&'a PyFunction> {
    obj.downcast_ref::<PyFunction>()
        .ok_or_else(|| vm.new_type_error("expected a function"))
}

fn function_repr(vm: &VM, obj: &PyObjectRef) -> PyResult {
    let f = as_func(vm, obj)?;
    Ok(vm.new_str_obj(format!(
        "<function {} at {:#x}>",
        f.qualname.borrow().payload.as_str(),
        obj.id()
    )))
}

impl PyFunction {
    /// A function of `code` (`PyFunction_New`): the docstring is
    /// co_consts[0] when it is a str (the compiler puts None there for
    /// functions without one), the module is the globals' `__name__`.
    pub fn new(
        vm: &VM,
        code: crate::objects::codeobject::PyCodeRef,
        globals: PyDictRef,
        builtins: PyDictRef,
    ) -> PyFunction {
        let doc = match code.payload.consts.first() {
            Some(c) if c.payload_is::<PyStr>() => c.clone(),
            _ => vm.none(),
        };
        let module = globals
            .payload
            .get_str_name(vm, "__name__")
            .unwrap_or_else(|| vm.none());
        PyFunction {
            name: RefCell::new(code.payload.name.clone()),
            qualname: RefCell::new(code.payload.qualname.clone()),
            globals,
            builtins,
            defaults: Default::default(),
            kwdefaults: Default::default(),
            closure: Default::default(),
            annotations: Default::default(),
            doc: RefCell::new(doc),
            module: RefCell::new(module),
            dict: Default::default(),
            type_params: Default::default(),
            code,
        }
    }

    /// A function object running `code` in `globals` (what `exec` of a
    /// function's code object calls).
    pub fn for_code(
        vm: &VM,
        code: crate::objects::codeobject::PyCodeRef,
        globals: PyDictRef,
        closure: Option<crate::objects::tupleobject::PyTupleRef>,
    ) -> PyObjectRef {
        let builtins = vm.builtins_for(&globals);
        let f = PyFunction::new(vm, code, globals, builtins);
        *f.closure.borrow_mut() = closure;
        PyRef::new_exact(f, vm.types.function_type.clone()).into_object()
    }

    fn dict_obj(&self, vm: &VM) -> PyDictRef {
        self.dict
            .borrow_mut()
            .get_or_insert_with(|| vm.new_dict())
            .clone()
    }
}

/// Generic lookup plus the function's own `__dict__`.
fn function_getattro(vm: &VM, obj: &PyObjectRef, name: &PyStrRef) -> PyResult {
    let ty = obj.class();
    let attr = ty.lookup(vm, name);
    if let Some(a) = &attr {
        if let (Some(get), true) = (
            a.class().payload.slots.descr_get.get(),
            a.class().payload.slots.descr_set.get().is_some(),
        ) {
            return get(vm, a, Some(obj), Some(ty.as_object()));
        }
    }
    let f = as_func(vm, obj)?;
    let d = f.dict.borrow().clone();
    if let Some(d) = d {
        if let Some(v) = d.payload.get_item(vm, name.as_object())? {
            return Ok(v);
        }
    }
    if let Some(a) = attr {
        if let Some(get) = a.class().payload.slots.descr_get.get() {
            return get(vm, &a, Some(obj), Some(ty.as_object()));
        }
        return Ok(a);
    }
    Err(vm.new_no_attribute_error(obj, name.payload.as_str()))
}

fn function_setattro(
    vm: &VM,
    obj: &PyObjectRef,
    name: &PyStrRef,
    value: Option<PyObjectRef>,
) -> PyResult<()> {
    if let Some(a) = obj.class().lookup(vm, name) {
        if let Some(set) = a.class().payload.slots.descr_set.get() {
            return set(vm, &a, obj, value);
        }
    }
    let d = as_func(vm, obj)?.dict_obj(vm);
    match value {
        Some(v) => d.payload.set_item(vm, name.clone().into_object(), v),
        None => match d.payload.pop_item(vm, name.as_object())? {
            Some(_) => Ok(()),
            None => Err(vm.new_no_attribute_error(obj, name.payload.as_str())),
        },
    }
}

fn get_name(vm: &VM, o: &PyObjectRef) -> PyResult {
    Ok(as_func(vm, o)?.name.borrow().clone().into_object())
}
fn set_name(vm: &VM, o: &PyObjectRef, v: Option<PyObjectRef>) -> PyResult<()> {
    match v.and_then(|v| v.downcast::<crate::objects::strobject::PyStr>().ok()) {
        Some(s) => {
            *as_func(vm, o)?.name.borrow_mut() = s;
            Ok(())
        }
        None => Err(vm.new_type_error("__name__ must be set to a string object")),
    }
}
fn get_qualname(vm: &VM, o: &PyObjectRef) -> PyResult {
    Ok(as_func(vm, o)?.qualname.borrow().clone().into_object())
}
fn set_qualname(vm: &VM, o: &PyObjectRef, v: Option<PyObjectRef>) -> PyResult<()> {
    match v.and_then(|v| v.downcast::<crate::objects::strobject::PyStr>().ok()) {
        Some(s) => {
            *as_func(vm, o)?.qualname.borrow_mut() = s;
            Ok(())
        }
        None => Err(vm.new_type_error("__qualname__ must be set to a string object")),
    }
}
fn get_code(vm: &VM, o: &PyObjectRef) -> PyResult {
    Ok(as_func(vm, o)?.code.clone().into_object())
}
fn get_globals(vm: &VM, o: &PyObjectRef) -> PyResult {
    Ok(as_func(vm, o)?.globals.clone().into_object())
}
fn get_builtins(vm: &VM, o: &PyObjectRef) -> PyResult {
    Ok(as_func(vm, o)?.builtins.clone().into_object())
}
fn get_defaults(vm: &VM, o: &PyObjectRef) -> PyResult {
    Ok(as_func(vm, o)?
        .defaults
        .borrow()
        .clone()
        .map(|t| t.into_object())
        .unwrap_or_else(|| vm.none()))
}
fn set_defaults(vm: &VM, o: &PyObjectRef, v: Option<PyObjectRef>) -> PyResult<()> {
    let f = as_func(vm, o)?;
    match v {
        None => *f.defaults.borrow_mut() = None,
        Some(v) if vm.is_none(&v) => *f.defaults.borrow_mut() = None,
        Some(v) => match v.downcast::<crate::objects::tupleobject::PyTuple>() {
            Ok(t) => *f.defaults.borrow_mut() = Some(t),
            Err(_) => return Err(vm.new_type_error("__defaults__ must be set to a tuple object")),
        },
    }
    Ok(())
}
fn get_kwdefaults(vm: &VM, o: &PyObjectRef) -> PyResult {
    Ok(as_func(vm, o)?
        .kwdefaults
        .borrow()
        .clone()
        .map(|t| t.into_object())
        .unwrap_or_else(|| vm.none()))
}
fn set_kwdefaults(vm: &VM, o: &PyObjectRef, v: Option<PyObjectRef>) -> PyResult<()> {
    let f = as_func(vm, o)?;
    match v {
        None => *f.kwdefaults.borrow_mut() = None,
        Some(v) if vm.is_none(&v) => *f.kwdefaults.borrow_mut() = None,
        Some(v) => match v.downcast::<crate::objects::dictobject::PyDict>() {
            Ok(d) => *f.kwdefaults.borrow_mut() = Some(d),
            Err(_) => return Err(vm.new_type_error("__kwdefaults__ must be set to a dict object")),
        },
    }
    Ok(())
}
fn get_closure(vm: &VM, o: &PyObjectRef) -> PyResult {
    Ok(as_func(vm, o)?
        .closure
        .borrow()
        .clone()
        .map(|t| t.into_object())
        .unwrap_or_else(|| vm.none()))
}
fn get_doc(vm: &VM, o: &PyObjectRef) -> PyResult {
    Ok(as_func(vm, o)?.doc.borrow().clone())
}
fn set_doc(vm: &VM, o: &PyObjectRef, v: Option<PyObjectRef>) -> PyResult<()> {
    *as_func(vm, o)?.doc.borrow_mut() = v.unwrap_or_else(|| vm.none());
    Ok(())
}
fn get_module(vm: &VM, o: &PyObjectRef) -> PyResult {
    Ok(as_func(vm, o)?.module.borrow().clone())
}
fn set_module(vm: &VM, o: &PyObjectRef, v: Option<PyObjectRef>) -> PyResult<()> {
    *as_func(vm, o)?.module.borrow_mut() = v.unwrap_or_else(|| vm.none());
    Ok(())
}
fn get_dict(vm: &VM, o: &PyObjectRef) -> PyResult {
    Ok(as_func(vm, o)?.dict_obj(vm).into_object())
}
fn get_annotations(vm: &VM, o: &PyObjectRef) -> PyResult {
    let f = as_func(vm, o)?;
    let mut a = f.annotations.borrow_mut();
    if let Some(t) = a
        .as_ref()
        .and_then(|v| v.downcast_ref::<crate::objects::tupleobject::PyTuple>())
    {
        // The compiler passes (name, value, name, value...) pairs.
        let d = vm.new_dict();
        let items = t.as_slice().to_vec();
        for pair in items.chunks(2) {
            if pair.len() == 2 {
                d.payload.set_item(vm, pair[0].clone(), pair[1].clone())?;
            }
        }
        *a = Some(d.into_object());
    }
    Ok(a.get_or_insert_with(|| vm.new_dict().into_object()).clone())
}
fn set_annotations(vm: &VM, o: &PyObjectRef, v: Option<PyObjectRef>) -> PyResult<()> {
    *as_func(vm, o)?.annotations.borrow_mut() = v;
    Ok(())
}
fn get_type_params(vm: &VM, o: &PyObjectRef) -> PyResult {
    Ok(as_func(vm, o)?
        .type_params
        .borrow()
        .clone()
        .map(|t| t.into_object())
        .unwrap_or_else(|| vm.ctx.empty_tuple.clone().into_object()))
}

/// `types.FunctionType(code, globals, name=None, argdefs=None,
/// closure=None, kwdefaults=None)`.
fn function_new(
    vm: &VM,
    _cls: &PyTypeRef,
    args: &[PyObjectRef],
    kwnames: Option<&crate::objects::tupleobject::PyTupleRef>,
) -> PyResult {
    use crate::objects::tupleobject::PyTuple;
    let [code, globals, name, argdefs, closure, kwdefaults] = crate::python::args::bind(
        vm,
        "function",
        args,
        kwnames,
        [
            "code",
            "globals",
            "name",
            "argdefs",
            "closure",
            "kwdefaults",
        ],
        2,
        0,
    )?;
    let (code, globals) = (code.expect("required"), globals.expect("required"));
    let code = code
        .downcast::<crate::objects::codeobject::PyCode>()
        .map_err(|o| {
            vm.new_type_error(format!(
                "function() argument 'code' must be code, not {}",
                crate::python::args::arg_type_name(&o)
            ))
        })?;
    let globals = globals.downcast::<PyDict>().map_err(|o| {
        vm.new_type_error(format!(
            "function() argument 'globals' must be dict, not {}",
            crate::python::args::arg_type_name(&o)
        ))
    })?;
    let some = |o: Option<PyObjectRef>| o.filter(|o| !vm.is_none(o));
    let closure = match some(closure) {
        None => None,
        Some(c) => {
            let t = c
                .downcast::<PyTuple>()
                .map_err(|_| vm.new_type_error("arg 5 (closure) must be tuple"))?;
            Some(t)
        }
    };
    let name = match some(name) {
        None => None,
        Some(n) => Some(
            n.downcast::<PyStr>()
                .map_err(|_| vm.new_type_error("arg 3 (name) must be None or string"))?,
        ),
    };
    let argdefs = match some(argdefs) {
        None => None,
        Some(d) => Some(
            d.downcast::<PyTuple>()
                .map_err(|_| vm.new_type_error("arg 4 (defaults) must be None or tuple"))?,
        ),
    };
    if let Some(t) = &closure {
        if let Some(bad) = t
            .payload
            .as_slice()
            .iter()
            .find(|x| !x.class().is(&vm.types.cell_type))
        {
            return Err(vm.new_type_error(format!(
                "arg 5 (closure) expected cell, found {}",
                bad.class().name_string()
            )));
        }
    }
    let nfree = code.payload.code.freevars().len();
    if nfree > 0 && closure.is_none() {
        return Err(vm.new_type_error("arg 5 (closure) must be tuple"));
    }
    let nclosure = closure.as_ref().map(|t| t.payload.len()).unwrap_or(0);
    if nfree != nclosure {
        return Err(vm.new_value_error(format!(
            "{} requires closure of length {nfree}, not {nclosure}",
            code.payload.name.payload.as_str()
        )));
    }
    let f = PyFunction::for_code(vm, code, globals, closure);
    let func = f.downcast_ref::<PyFunction>().expect("function");
    if let Some(n) = name {
        *func.name.borrow_mut() = n;
    }
    *func.defaults.borrow_mut() = argdefs;
    if let Some(kd) = some(kwdefaults) {
        *func.kwdefaults.borrow_mut() = kd.downcast::<PyDict>().ok();
    }
    Ok(f)
}

pub(crate) fn init(vm: &VM) {
    let t = &vm.types.function_type;
    t.payload.slots.new.set(Some(function_new));
    t.payload.slots.call.set(Some(function_call));
    t.payload.slots.repr.set(Some(function_repr));
    t.payload.slots.getattro.set(Some(function_getattro));
    t.payload.slots.setattro.set(Some(function_setattro));
    vm.add_getset(t, "__name__", get_name, Some(set_name));
    vm.add_getset(t, "__qualname__", get_qualname, Some(set_qualname));
    vm.add_getset(t, "__code__", get_code, None);
    vm.add_member(t, "__globals__", get_globals);
    vm.add_member(t, "__builtins__", get_builtins);
    vm.add_getset(t, "__defaults__", get_defaults, Some(set_defaults));
    vm.add_getset(t, "__kwdefaults__", get_kwdefaults, Some(set_kwdefaults));
    vm.add_getset(t, "__closure__", get_closure, None);
    vm.add_getset(t, "__doc__", get_doc, Some(set_doc));
    vm.add_getset(t, "__module__", get_module, Some(set_module));
    vm.add_getset(t, "__dict__", get_dict, None);
    vm.add_getset(t, "__annotations__", get_annotations, Some(set_annotations));
    vm.add_getset(t, "__type_params__", get_type_params, None);
}
