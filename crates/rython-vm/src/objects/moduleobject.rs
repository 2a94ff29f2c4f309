//! Module objects (CPython's Objects/moduleobject.c).

use crate::object::PyObjectRef;
use crate::object::{PyPayload, PyRef, PyTypeRef};
use crate::objects::dictobject::PyDictRef;
use crate::VM;

pub type PyModuleRef = PyRef<PyModule>;

pub struct PyModule {
    pub dict: PyDictRef,
}

impl PyPayload for PyModule {
    fn class(vm: &VM) -> &PyTypeRef {
        &vm.types.module_type
    }

    const GC: bool = true;

    fn traverse(&self, visit: &mut dyn FnMut(&PyObjectRef)) {
        visit(self.dict.as_object());
    }
}

impl VM {
    /// A new module named `name` with `__name__`, `__doc__` etc. set.
    pub fn new_module(&self, name: &str, doc: Option<&str>) -> PyModuleRef {
        let dict = self.new_dict();
        dict.payload
            .set_str(self, "__name__", self.new_str_obj(name));
        dict.payload.set_str(
            self,
            "__doc__",
            doc.map(|d| self.new_str_obj(d))
                .unwrap_or_else(|| self.none()),
        );
        dict.payload.set_str(self, "__package__", self.none());
        dict.payload.set_str(self, "__loader__", self.none());
        dict.payload.set_str(self, "__spec__", self.none());
        PyRef::new_exact(PyModule { dict }, self.types.module_type.clone())
    }
}

/// Fills the slots and methods of this file's type(s).
fn module_getattro(
    vm: &VM,
    obj: &crate::object::PyObjectRef,
    name: &crate::objects::strobject::PyStrRef,
) -> crate::PyResult {
    let m = obj
        .downcast_ref::<PyModule>()
        .ok_or_else(|| vm.new_type_error("expected a module"))?;
    if let Some(v) = m.dict.payload.get_str(vm, name) {
        return Ok(v);
    }
    if let Some(v) = crate::python::abstract_::generic_getattr_opt(vm, obj, name)? {
        return Ok(v);
    }
    // Module-level __getattr__ (PEP 562).
    if let Some(getattr) = m.dict.payload.get_str_name(vm, "__getattr__") {
        return vm.call1(&getattr, name.clone().into_object());
    }
    let mname = m.dict.payload.get_str_name(vm, "__name__").and_then(|n| {
        n.downcast_ref::<crate::objects::strobject::PyStr>()
            .map(|s| s.as_str().to_string())
    });
    match mname {
        Some(n) => Err(vm.new_attribute_error(
            format!(
                "module '{}' has no attribute '{}'",
                n,
                name.payload.as_str()
            ),
            Some(obj),
            Some(name.payload.as_str()),
        )),
        None => Err(vm.new_attribute_error(
            format!("module has no attribute '{}'", name.payload.as_str()),
            Some(obj),
            Some(name.payload.as_str()),
        )),
    }
}

fn module_setattro(
    vm: &VM,
    obj: &crate::object::PyObjectRef,
    name: &crate::objects::strobject::PyStrRef,
    value: Option<crate::object::PyObjectRef>,
) -> crate::PyResult<()> {
    let m = obj
        .downcast_ref::<PyModule>()
        .ok_or_else(|| vm.new_type_error("expected a module"))?;
    match value {
        Some(v) => m.dict.payload.set_item(vm, name.clone().into_object(), v),
        None => match m.dict.payload.pop_item(vm, name.as_object())? {
            Some(_) => Ok(()),
            None => Err(vm.new_attribute_error(
                format!("module has no attribute '{}'", name.payload.as_str()),
                Some(obj),
                Some(name.payload.as_str()),
            )),
        },
    }
}

fn module_repr(vm: &VM, obj: &crate::object::PyObjectRef) -> crate::PyResult {
    let m = obj
        .downcast_ref::<PyModule>()
        .ok_or_else(|| vm.new_type_error("expected a module"))?;
    let name = m
        .dict
        .payload
        .get_str_name(vm, "__name__")
        .map(|n| vm.repr_string(&n))
        .transpose()?
        .unwrap_or_else(|| "'?'".into());
    if let Some(f) = m.dict.payload.get_str_name(vm, "__file__") {
        if !vm.is_none(&f) {
            return Ok(vm.new_str_obj(format!("<module {} from {}>", name, vm.repr_string(&f)?)));
        }
    }
    let builtin = m
        .dict
        .payload
        .get_str_name(vm, "__name__")
        .and_then(|n| {
            n.downcast_ref::<crate::objects::strobject::PyStr>()
                .map(|s| crate::modules::builtin_module_names().contains(&s.as_str()))
        })
        .unwrap_or(false);
    Ok(vm.new_str_obj(if builtin {
        format!("<module {} (built-in)>", name)
    } else {
        format!("<module {}>", name)
    }))
}

fn module_dict(vm: &VM, obj: &crate::object::PyObjectRef) -> crate::PyResult {
    let m = obj
        .downcast_ref::<PyModule>()
        .ok_or_else(|| vm.new_type_error("expected a module"))?;
    Ok(m.dict.clone().into_object())
}

/// `types.ModuleType(name, doc=None)` (module.__new__ + module.__init__).
fn module_new(
    vm: &VM,
    cls: &crate::object::PyTypeRef,
    args: &[crate::object::PyObjectRef],
    kw: Option<&crate::objects::tupleobject::PyTupleRef>,
) -> crate::PyResult {
    let nkw = kw.map(|k| k.payload.len()).unwrap_or(0);
    let npos = args.len() - nkw;
    let (mut name, mut doc) = (
        args.first().filter(|_| npos >= 1),
        args.get(1).filter(|_| npos >= 2),
    );
    if npos > 2 {
        return Err(vm.new_type_error(format!(
            "module() takes at most 2 arguments ({} given)",
            args.len()
        )));
    }
    if let Some(kw) = kw {
        for (k, v) in kw.payload.as_slice().iter().zip(&args[npos..]) {
            match k
                .downcast_ref::<crate::objects::strobject::PyStr>()
                .map(|s| s.as_str())
            {
                Some("name") if name.is_none() => name = Some(v),
                Some("doc") if doc.is_none() => doc = Some(v),
                Some(k) => {
                    return Err(vm.new_type_error(format!(
                        "module() got an unexpected keyword argument '{k}'"
                    )))
                }
                None => return Err(vm.new_type_error("keywords must be strings")),
            }
        }
    }
    let Some(name) = name else {
        return Err(vm.new_type_error("module.__init__() missing required argument 'name' (pos 1)"));
    };
    if !name.class().is_subtype(&vm.types.str_type) {
        return Err(vm.new_type_error(format!(
            "module.__init__() argument 'name' must be str, not {}",
            crate::python::args::arg_type_name(&name)
        )));
    }
    let dict = vm.new_dict();
    dict.payload.set_str(vm, "__name__", name.clone());
    dict.payload
        .set_str(vm, "__doc__", doc.cloned().unwrap_or_else(|| vm.none()));
    for k in ["__package__", "__loader__", "__spec__"] {
        dict.payload.set_str(vm, k, vm.none());
    }
    Ok(PyRef::new_with_type(PyModule { dict }, cls.clone()).into_object())
}

pub(crate) fn init(vm: &VM) {
    let t = &vm.types.module_type;
    t.payload.slots.new.set(Some(module_new));
    t.payload.slots.getattro.set(Some(module_getattro));
    t.payload.slots.setattro.set(Some(module_setattro));
    t.payload.slots.repr.set(Some(module_repr));
    vm.add_getset(t, "__dict__", module_dict, None);
}
