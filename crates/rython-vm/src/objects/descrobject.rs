//! Descriptors: getset and member descriptors, `property`, `staticmethod`,
//! `classmethod` and `mappingproxy` (CPython's Objects/descrobject.c and
//! funcobject.c). `super` lives in `superobject.rs`.

use std::cell::{Cell, RefCell};

use crate::object::{PyObjectRef, PyPayload, PyRef, PyTypeRef};
use crate::objects::tupleobject::PyTupleRef;
use crate::objects::typeobject::{CompareOp, PyType};
use crate::python::args::{bind, positional};
use crate::{PyResult, VM};

pub use crate::objects::typeobject::superobject::PySuper;

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

/// `member_descriptor`: one `__slots__` entry, or (with a `getter`) a
/// read-only member of a builtin type (CPython's `READONLY` `T_OBJECT`
/// members: `range.start`, `property.fget`...).
pub struct PyMemberDescr {
    pub name: String,
    pub index: usize,
    pub objclass: PyTypeRef,
    pub getter: Option<Getter>,
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
    /// The doc was taken from `fget.__doc__` (so a copy with a new getter
    /// takes the new getter's doc).
    pub getter_doc: Cell<bool>,
}

impl PyPayload for PyProperty {
    fn class(vm: &VM) -> &PyTypeRef {
        &vm.types.property_type
    }

    const GC: bool = true;

    fn traverse(&self, visit: &mut dyn FnMut(&PyObjectRef)) {
        for c in [&self.fget, &self.fset, &self.fdel, &self.doc, &self.name] {
            if let Ok(v) = c.try_borrow() {
                v.iter().for_each(&mut *visit);
            }
        }
    }

    fn clear(&self) {
        let taken: Vec<_> = [&self.fget, &self.fset, &self.fdel, &self.doc, &self.name]
            .iter()
            .map(|c| c.try_borrow_mut().map(|mut v| v.take()))
            .collect();
        drop(taken);
    }
}

pub struct PyStaticMethod {
    pub callable: RefCell<PyObjectRef>,
}

impl PyPayload for PyStaticMethod {
    fn class(vm: &VM) -> &PyTypeRef {
        &vm.types.staticmethod_type
    }

    const GC: bool = true;

    fn traverse(&self, visit: &mut dyn FnMut(&PyObjectRef)) {
        if let Ok(c) = self.callable.try_borrow() {
            visit(&c);
        }
    }
}

pub struct PyClassMethod {
    pub callable: RefCell<PyObjectRef>,
}

impl PyPayload for PyClassMethod {
    fn class(vm: &VM) -> &PyTypeRef {
        &vm.types.classmethod_type
    }

    const GC: bool = true;

    fn traverse(&self, visit: &mut dyn FnMut(&PyObjectRef)) {
        if let Ok(c) = self.callable.try_borrow() {
            visit(&c);
        }
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

fn not_applicable(vm: &VM, name: &str, objclass: &PyTypeRef, obj: &PyObjectRef) -> PyResult<()> {
    if obj.class().is_subtype(objclass) {
        return Ok(());
    }
    Err(vm.new_type_error(format!(
        "descriptor '{name}' for '{}' objects doesn't apply to a '{}' object",
        objclass.name_string(),
        obj.class().name_string()
    )))
}

// ----- getset_descriptor ---------------------------------------------------

fn getset_get(
    vm: &VM,
    zelf: &PyObjectRef,
    obj: Option<&PyObjectRef>,
    _cls: Option<&PyObjectRef>,
) -> PyResult {
    let d = zelf.downcast_ref::<PyGetSetDescr>().expect("getset");
    let Some(obj) = obj else {
        return Ok(zelf.clone());
    };
    not_applicable(vm, d.name, &d.objclass, obj)?;
    (d.getter)(vm, obj)
}

fn getset_set(
    vm: &VM,
    zelf: &PyObjectRef,
    obj: &PyObjectRef,
    value: Option<PyObjectRef>,
) -> PyResult<()> {
    let d = zelf.downcast_ref::<PyGetSetDescr>().expect("getset");
    not_applicable(vm, d.name, &d.objclass, obj)?;
    match d.setter {
        Some(s) => s(vm, obj, value),
        None => Err(vm.new_attribute_error(
            format!(
                "attribute '{}' of '{}' objects is not writable",
                d.name,
                d.objclass.name_string()
            ),
            None,
            None,
        )),
    }
}

fn getset_repr(vm: &VM, zelf: &PyObjectRef) -> PyResult {
    let d = zelf.downcast_ref::<PyGetSetDescr>().expect("getset");
    Ok(vm.new_str_obj(format!(
        "<attribute '{}' of '{}' objects>",
        d.name,
        d.objclass.name_string()
    )))
}

// ----- member_descriptor ---------------------------------------------------

fn member_slot<'a>(
    vm: &VM,
    d: &PyMemberDescr,
    obj: &'a PyObjectRef,
) -> PyResult<&'a RefCell<Option<PyObjectRef>>> {
    not_applicable(vm, &d.name, &d.objclass, obj)?;
    obj.instance_ext()
        .and_then(|e| e.slot(d.index))
        .ok_or_else(|| vm.new_system_error("member descriptor on an object without slots"))
}

fn member_get(
    vm: &VM,
    zelf: &PyObjectRef,
    obj: Option<&PyObjectRef>,
    _cls: Option<&PyObjectRef>,
) -> PyResult {
    let d = zelf.downcast_ref::<PyMemberDescr>().expect("member");
    let Some(obj) = obj else {
        return Ok(zelf.clone());
    };
    if let Some(g) = d.getter {
        not_applicable(vm, &d.name, &d.objclass, obj)?;
        return g(vm, obj);
    }
    let v = member_slot(vm, d, obj)?.borrow().clone();
    v.ok_or_else(|| vm.new_no_attribute_error(obj, &d.name))
}

fn member_set(
    vm: &VM,
    zelf: &PyObjectRef,
    obj: &PyObjectRef,
    value: Option<PyObjectRef>,
) -> PyResult<()> {
    let d = zelf.downcast_ref::<PyMemberDescr>().expect("member");
    if d.getter.is_some() {
        not_applicable(vm, &d.name, &d.objclass, obj)?;
        return Err(vm.new_exception_msg(&vm.types.exc.attribute_error, "readonly attribute"));
    }
    let slot = member_slot(vm, d, obj)?;
    let deleting = value.is_none();
    let old = slot.replace(value);
    if deleting && old.is_none() {
        return Err(vm.new_no_attribute_error(obj, &d.name));
    }
    drop(old);
    Ok(())
}

fn member_repr(vm: &VM, zelf: &PyObjectRef) -> PyResult {
    let d = zelf.downcast_ref::<PyMemberDescr>().expect("member");
    Ok(vm.new_str_obj(format!(
        "<member '{}' of '{}' objects>",
        d.name,
        d.objclass.name_string()
    )))
}

fn descr_name(vm: &VM, zelf: &PyObjectRef) -> PyResult {
    if let Some(d) = zelf.downcast_ref::<PyGetSetDescr>() {
        return Ok(vm.new_str_obj(d.name));
    }
    if let Some(d) = zelf.downcast_ref::<PyMemberDescr>() {
        return Ok(vm.new_str_obj(d.name.as_str()));
    }
    Err(vm.new_type_error("expected a descriptor"))
}

fn descr_objclass(vm: &VM, zelf: &PyObjectRef) -> PyResult {
    if let Some(d) = zelf.downcast_ref::<PyGetSetDescr>() {
        return Ok(d.objclass.clone().into_object());
    }
    if let Some(d) = zelf.downcast_ref::<PyMemberDescr>() {
        return Ok(d.objclass.clone().into_object());
    }
    Err(vm.new_type_error("expected a descriptor"))
}

fn descr_qualname(vm: &VM, zelf: &PyObjectRef) -> PyResult {
    let name = descr_name(vm, zelf)?;
    let cls = descr_objclass(vm, zelf)?;
    let q = cls
        .downcast_ref::<PyType>()
        .map(|t| t.qualname.borrow().clone())
        .unwrap_or_default();
    Ok(vm.new_str_obj(format!("{q}.{}", vm.str_string(&name)?)))
}

fn none_getter(vm: &VM, _zelf: &PyObjectRef) -> PyResult {
    Ok(vm.none())
}

// ----- property --------------------------------------------------------------

fn get_property<'a>(vm: &VM, zelf: &'a PyObjectRef) -> PyResult<&'a PyProperty> {
    zelf.downcast_ref::<PyProperty>()
        .ok_or_else(|| vm.new_type_error("descriptor requires a 'property' object"))
}

fn property_new(
    _vm: &VM,
    cls: &PyTypeRef,
    _args: &[PyObjectRef],
    _kwnames: Option<&PyTupleRef>,
) -> PyResult {
    Ok(PyRef::new_with_type(
        PyProperty {
            fget: RefCell::new(None),
            fset: RefCell::new(None),
            fdel: RefCell::new(None),
            doc: RefCell::new(None),
            name: RefCell::new(None),
            getter_doc: Cell::new(false),
        },
        cls.clone(),
    )
    .into_object())
}

fn non_none(vm: &VM, v: Option<PyObjectRef>) -> Option<PyObjectRef> {
    v.filter(|v| !vm.is_none(v))
}

fn property_init(
    vm: &VM,
    zelf: &PyObjectRef,
    args: &[PyObjectRef],
    kwnames: Option<&PyTupleRef>,
) -> PyResult<()> {
    let [fget, fset, fdel, doc] = bind(
        vm,
        "property",
        args,
        kwnames,
        ["fget", "fset", "fdel", "doc"],
        0,
        0,
    )?;
    let p = get_property(vm, zelf)?;
    let fget = non_none(vm, fget);
    let mut doc = non_none(vm, doc);
    let mut getter_doc = false;
    if doc.is_none() {
        if let Some(g) = &fget {
            doc = non_none(vm, vm.get_attr_opt_str(g, "__doc__")?);
            getter_doc = doc.is_some();
        }
    }
    p.fget.replace(fget);
    p.fset.replace(non_none(vm, fset));
    p.fdel.replace(non_none(vm, fdel));
    p.getter_doc.set(getter_doc);
    // A subclass's instances keep `__doc__` in their dict (the class
    // attribute would shadow the property's doc otherwise).
    if zelf.class().payload.is_heap_type() {
        if let Some(ext) = zelf.instance_ext() {
            let d = ext.dict_object(vm, zelf.class());
            if let Some(d) = d.downcast_ref::<crate::objects::dictobject::PyDict>() {
                d.set_str(vm, "__doc__", doc.clone().unwrap_or_else(|| vm.none()));
            }
        }
    }
    p.doc.replace(doc);
    Ok(())
}

/// The name used in property error messages (`__set_name__`'s, else the
/// getter's `__name__`).
fn property_name(vm: &VM, p: &PyProperty) -> PyResult<Option<String>> {
    let name = p.name.borrow().clone();
    let name = match name {
        Some(n) => Some(n),
        None => {
            let fget = p.fget.borrow().clone();
            match fget {
                Some(g) => vm.get_attr_opt_str(&g, "__name__")?,
                None => None,
            }
        }
    };
    match name {
        Some(n) => match n.downcast_ref::<crate::objects::strobject::PyStr>() {
            Some(s) => Ok(Some(rython_common::repr_str::repr_str(s.as_str()))),
            None => Ok(Some(vm.repr_string(&n)?)),
        },
        None => Ok(None),
    }
}

fn property_error(vm: &VM, p: &PyProperty, obj: &PyObjectRef, what: &str) -> PyResult<()> {
    let tname = obj.class().name_string();
    let msg = match property_name(vm, p)? {
        Some(n) => format!("property {n} of '{tname}' object has no {what}"),
        None => format!("property of '{tname}' object has no {what}"),
    };
    Err(vm.new_attribute_error(msg, None, None))
}

fn property_get(
    vm: &VM,
    zelf: &PyObjectRef,
    obj: Option<&PyObjectRef>,
    _cls: Option<&PyObjectRef>,
) -> PyResult {
    let p = get_property(vm, zelf)?;
    let Some(obj) = obj.filter(|o| !vm.is_none(o)) else {
        return Ok(zelf.clone());
    };
    let fget = p.fget.borrow().clone();
    match fget {
        Some(f) => vm.call1(&f, obj.clone()),
        None => property_error(vm, p, obj, "getter").map(|_| vm.none()),
    }
}

fn property_set(
    vm: &VM,
    zelf: &PyObjectRef,
    obj: &PyObjectRef,
    value: Option<PyObjectRef>,
) -> PyResult<()> {
    let p = get_property(vm, zelf)?;
    match value {
        Some(v) => {
            let f = p.fset.borrow().clone();
            match f {
                Some(f) => vm.call(&f, &[obj.clone(), v], None).map(drop),
                None => property_error(vm, p, obj, "setter"),
            }
        }
        None => {
            let f = p.fdel.borrow().clone();
            match f {
                Some(f) => vm.call1(&f, obj.clone()).map(drop),
                None => property_error(vm, p, obj, "deleter"),
            }
        }
    }
}

fn opt_or_none(vm: &VM, v: &RefCell<Option<PyObjectRef>>) -> PyObjectRef {
    v.borrow().clone().unwrap_or_else(|| vm.none())
}

fn property_fget(vm: &VM, zelf: &PyObjectRef) -> PyResult {
    Ok(opt_or_none(vm, &get_property(vm, zelf)?.fget))
}
fn property_fset(vm: &VM, zelf: &PyObjectRef) -> PyResult {
    Ok(opt_or_none(vm, &get_property(vm, zelf)?.fset))
}
fn property_fdel(vm: &VM, zelf: &PyObjectRef) -> PyResult {
    Ok(opt_or_none(vm, &get_property(vm, zelf)?.fdel))
}
fn property_doc(vm: &VM, zelf: &PyObjectRef) -> PyResult {
    Ok(opt_or_none(vm, &get_property(vm, zelf)?.doc))
}
fn property_set_doc(vm: &VM, zelf: &PyObjectRef, v: Option<PyObjectRef>) -> PyResult<()> {
    get_property(vm, zelf)?.doc.replace(v);
    Ok(())
}

fn property_get_name(vm: &VM, zelf: &PyObjectRef) -> PyResult {
    let p = get_property(vm, zelf)?;
    if let Some(n) = p.name.borrow().clone() {
        return Ok(n);
    }
    let fget = p.fget.borrow().clone();
    if let Some(g) = fget {
        if let Some(n) = vm.get_attr_opt_str(&g, "__name__")? {
            return Ok(n);
        }
    }
    Err(vm.new_attribute_error(
        "'property' object has no attribute '__name__'",
        Some(zelf),
        Some("__name__"),
    ))
}

fn property_set_name_attr(vm: &VM, zelf: &PyObjectRef, v: Option<PyObjectRef>) -> PyResult<()> {
    get_property(vm, zelf)?.name.replace(v);
    Ok(())
}

fn property_isabstract(vm: &VM, zelf: &PyObjectRef) -> PyResult {
    let p = get_property(vm, zelf)?;
    for f in [&p.fget, &p.fset, &p.fdel] {
        let f = f.borrow().clone();
        if let Some(f) = f {
            if let Some(a) = vm.get_attr_opt_str(&f, "__isabstractmethod__")? {
                if vm.is_true(&a)? {
                    return Ok(vm.new_bool(true));
                }
            }
        }
    }
    Ok(vm.new_bool(false))
}

fn property_set_name(vm: &VM, args: &[PyObjectRef], kwnames: Option<&PyTupleRef>) -> PyResult {
    if args.len() != 3 || kwnames.is_some_and(|k| !k.payload.is_empty()) {
        return Err(vm.new_type_error(format!(
            "__set_name__() takes 2 positional arguments but {} were given",
            args.len().saturating_sub(1)
        )));
    }
    get_property(vm, &args[0])?
        .name
        .replace(Some(args[2].clone()));
    Ok(vm.none())
}

/// `getter`/`setter`/`deleter`: a copy with one accessor replaced, made by
/// calling the property's own type (so subclasses survive).
fn property_copy(vm: &VM, zelf: &PyObjectRef, which: usize, f: PyObjectRef) -> PyResult {
    let p = get_property(vm, zelf)?;
    let mut parts = [
        opt_or_none(vm, &p.fget),
        opt_or_none(vm, &p.fset),
        opt_or_none(vm, &p.fdel),
    ];
    parts[which] = f;
    let doc = if p.getter_doc.get() && which == 0 {
        vm.none()
    } else {
        opt_or_none(vm, &p.doc)
    };
    let [g, s, d] = parts;
    let new = vm.call(zelf.class().as_object(), &[g, s, d, doc], None)?;
    if let Some(np) = new.downcast_ref::<PyProperty>() {
        np.name.replace(p.name.borrow().clone());
        if p.getter_doc.get() && which != 0 {
            np.getter_doc.set(true);
        }
    }
    Ok(new)
}

fn property_getter(vm: &VM, args: &[PyObjectRef], kwnames: Option<&PyTupleRef>) -> PyResult {
    let a = positional(vm, "getter", args, kwnames, 2, 2)?;
    property_copy(vm, &a[0], 0, a[1].clone())
}
fn property_setter(vm: &VM, args: &[PyObjectRef], kwnames: Option<&PyTupleRef>) -> PyResult {
    let a = positional(vm, "setter", args, kwnames, 2, 2)?;
    property_copy(vm, &a[0], 1, a[1].clone())
}
fn property_deleter(vm: &VM, args: &[PyObjectRef], kwnames: Option<&PyTupleRef>) -> PyResult {
    let a = positional(vm, "deleter", args, kwnames, 2, 2)?;
    property_copy(vm, &a[0], 2, a[1].clone())
}

// ----- staticmethod / classmethod ------------------------------------------

fn wrapped_callable(vm: &VM, zelf: &PyObjectRef) -> PyResult<PyObjectRef> {
    if let Some(s) = zelf.downcast_ref::<PyStaticMethod>() {
        return Ok(s.callable.borrow().clone());
    }
    if let Some(c) = zelf.downcast_ref::<PyClassMethod>() {
        return Ok(c.callable.borrow().clone());
    }
    Err(vm.new_type_error("expected staticmethod or classmethod"))
}

/// `staticmethod(f)` / `classmethod(f)` argument checks.
fn one_arg<'a>(
    vm: &VM,
    name: &str,
    args: &'a [PyObjectRef],
    kw: Option<&PyTupleRef>,
) -> PyResult<&'a [PyObjectRef]> {
    if kw.is_some_and(|k| !k.payload.is_empty()) {
        return Err(vm.new_type_error(format!("{name}() takes no keyword arguments")));
    }
    if args.len() != 1 {
        return Err(vm.new_type_error(format!("{name} expected 1 argument, got {}", args.len())));
    }
    Ok(args)
}

fn sm_new(vm: &VM, cls: &PyTypeRef, args: &[PyObjectRef], kw: Option<&PyTupleRef>) -> PyResult {
    let a = one_arg(vm, "staticmethod", args, kw)?;
    let sm = PyRef::new_with_type(
        PyStaticMethod {
            callable: RefCell::new(a[0].clone()),
        },
        cls.clone(),
    );
    Ok(sm.into_object())
}

fn cm_new(vm: &VM, cls: &PyTypeRef, args: &[PyObjectRef], kw: Option<&PyTupleRef>) -> PyResult {
    let a = one_arg(vm, "classmethod", args, kw)?;
    let cm = PyRef::new_with_type(
        PyClassMethod {
            callable: RefCell::new(a[0].clone()),
        },
        cls.clone(),
    );
    Ok(cm.into_object())
}

/// `functools.wraps`-like copying done by `staticmethod.__init__` and
/// `classmethod.__init__` since 3.10.
fn wraps_init(
    vm: &VM,
    zelf: &PyObjectRef,
    args: &[PyObjectRef],
    _kw: Option<&PyTupleRef>,
) -> PyResult<()> {
    let Some(callable) = args.first() else {
        return Ok(());
    };
    if let Some(s) = zelf.downcast_ref::<PyStaticMethod>() {
        s.callable.replace(callable.clone());
    } else if let Some(c) = zelf.downcast_ref::<PyClassMethod>() {
        c.callable.replace(callable.clone());
    }
    let Some(ext) = zelf.instance_ext() else {
        return Ok(());
    };
    let dict = ext.dict_object(vm, zelf.class());
    let Some(dict) = dict.downcast_ref::<crate::objects::dictobject::PyDict>() else {
        return Ok(());
    };
    for name in ["__module__", "__name__", "__qualname__", "__doc__"] {
        if let Some(v) = vm.get_attr_opt_str(callable, name)? {
            dict.set_str(vm, name, v);
        }
    }
    Ok(())
}

fn sm_get(
    vm: &VM,
    zelf: &PyObjectRef,
    _obj: Option<&PyObjectRef>,
    _cls: Option<&PyObjectRef>,
) -> PyResult {
    wrapped_callable(vm, zelf)
}

fn sm_call(vm: &VM, zelf: &PyObjectRef, args: &[PyObjectRef], kw: Option<&PyTupleRef>) -> PyResult {
    let f = wrapped_callable(vm, zelf)?;
    crate::objects::methodobject::guarded(vm, || vm.call(&f, args, kw))
}

fn cm_get(
    vm: &VM,
    zelf: &PyObjectRef,
    obj: Option<&PyObjectRef>,
    cls: Option<&PyObjectRef>,
) -> PyResult {
    let f = wrapped_callable(vm, zelf)?;
    let cls = match (cls, obj) {
        (Some(c), _) => c.clone(),
        (None, Some(o)) => o.class().clone().into_object(),
        (None, None) => return Err(vm.new_type_error("__get__(None, None) is invalid")),
    };
    Ok(vm.new_bound_method(f, cls))
}

fn wrapper_repr(vm: &VM, zelf: &PyObjectRef) -> PyResult {
    let f = wrapped_callable(vm, zelf)?;
    let kind = if zelf.payload_is::<PyStaticMethod>() {
        "staticmethod"
    } else {
        "classmethod"
    };
    Ok(vm.new_str_obj(format!("<{kind}({})>", vm.repr_string(&f)?)))
}

fn wrapper_func(vm: &VM, zelf: &PyObjectRef) -> PyResult {
    wrapped_callable(vm, zelf)
}

fn wrapper_isabstract(vm: &VM, zelf: &PyObjectRef) -> PyResult {
    let f = wrapped_callable(vm, zelf)?;
    match vm.get_attr_opt_str(&f, "__isabstractmethod__")? {
        Some(a) => Ok(vm.new_bool(vm.is_true(&a)?)),
        None => Ok(vm.new_bool(false)),
    }
}

// ----- mappingproxy ----------------------------------------------------------

fn proxy_mapping(vm: &VM, zelf: &PyObjectRef) -> PyResult<PyObjectRef> {
    zelf.downcast_ref::<PyMappingProxy>()
        .map(|p| p.mapping.clone())
        .ok_or_else(|| vm.new_type_error("expected a mappingproxy"))
}

/// The mapping as an object Python code can use: a type's inline dict is
/// copied into a fresh dict (types have no dict object of their own).
fn proxy_target(vm: &VM, zelf: &PyObjectRef) -> PyResult<PyObjectRef> {
    let m = proxy_mapping(vm, zelf)?;
    match m.downcast_ref::<PyType>() {
        Some(t) => {
            let d = vm.new_dict();
            d.payload.copy_from(vm, &t.dict)?;
            Ok(d.into_object())
        }
        None => Ok(m),
    }
}

fn proxy_lookup(vm: &VM, zelf: &PyObjectRef, key: &PyObjectRef) -> PyResult<Option<PyObjectRef>> {
    let m = proxy_mapping(vm, zelf)?;
    if let Some(t) = m.downcast_ref::<PyType>() {
        return t.dict.get_item(vm, key);
    }
    match vm.get_item(&m, key) {
        Ok(v) => Ok(Some(v)),
        Err(e) if e.as_object().class().is_subtype(&vm.types.exc.key_error) => Ok(None),
        Err(e) => Err(e),
    }
}

fn proxy_getitem(vm: &VM, zelf: &PyObjectRef, key: &PyObjectRef) -> PyResult {
    let m = proxy_mapping(vm, zelf)?;
    if let Some(t) = m.downcast_ref::<PyType>() {
        return t
            .dict
            .get_item(vm, key)?
            .ok_or_else(|| vm.new_key_error(key.clone()));
    }
    vm.get_item(&m, key)
}

fn proxy_contains(vm: &VM, zelf: &PyObjectRef, key: &PyObjectRef) -> PyResult<bool> {
    let m = proxy_mapping(vm, zelf)?;
    if let Some(t) = m.downcast_ref::<PyType>() {
        return t.dict.contains(vm, key);
    }
    vm.contains(&m, key)
}

fn proxy_len(vm: &VM, zelf: &PyObjectRef) -> PyResult<usize> {
    let m = proxy_mapping(vm, zelf)?;
    if let Some(t) = m.downcast_ref::<PyType>() {
        return Ok(t.dict.len());
    }
    vm.len(&m)
}

fn proxy_iter(vm: &VM, zelf: &PyObjectRef) -> PyResult {
    let m = proxy_mapping(vm, zelf)?;
    if let Some(t) = m.downcast_ref::<PyType>() {
        let keys = vm.new_tuple_obj(t.dict.keys());
        return vm.get_iter(&keys);
    }
    vm.get_iter(&m)
}

fn proxy_repr(vm: &VM, zelf: &PyObjectRef) -> PyResult {
    let t = proxy_target(vm, zelf)?;
    Ok(vm.new_str_obj(format!("mappingproxy({})", vm.repr_string(&t)?)))
}

fn proxy_str(vm: &VM, zelf: &PyObjectRef) -> PyResult {
    let t = proxy_target(vm, zelf)?;
    Ok(vm.str(&t)?.into_object())
}

fn proxy_richcompare(vm: &VM, a: &PyObjectRef, b: &PyObjectRef, op: CompareOp) -> PyResult {
    let t = proxy_target(vm, a)?;
    vm.rich_compare(&t, b, op)
}

fn proxy_get(vm: &VM, args: &[PyObjectRef], kw: Option<&PyTupleRef>) -> PyResult {
    let a = positional(vm, "get", args, kw, 2, 3)?;
    Ok(proxy_lookup(vm, &a[0], &a[1])?
        .unwrap_or_else(|| a.get(2).cloned().unwrap_or_else(|| vm.none())))
}

fn proxy_forward(
    vm: &VM,
    args: &[PyObjectRef],
    kw: Option<&PyTupleRef>,
    name: &'static str,
) -> PyResult {
    let a = positional(vm, name, args, kw, 1, 1)?;
    let t = proxy_target(vm, &a[0])?;
    vm.call_method(&t, name, &[])
}

fn proxy_keys(vm: &VM, args: &[PyObjectRef], kw: Option<&PyTupleRef>) -> PyResult {
    proxy_forward(vm, args, kw, "keys")
}
fn proxy_values(vm: &VM, args: &[PyObjectRef], kw: Option<&PyTupleRef>) -> PyResult {
    proxy_forward(vm, args, kw, "values")
}
fn proxy_items(vm: &VM, args: &[PyObjectRef], kw: Option<&PyTupleRef>) -> PyResult {
    proxy_forward(vm, args, kw, "items")
}
fn proxy_copy(vm: &VM, args: &[PyObjectRef], kw: Option<&PyTupleRef>) -> PyResult {
    proxy_forward(vm, args, kw, "copy")
}

fn proxy_new(vm: &VM, _cls: &PyTypeRef, args: &[PyObjectRef], kw: Option<&PyTupleRef>) -> PyResult {
    let [m] = bind(vm, "mappingproxy", args, kw, ["mapping"], 1, 0)?;
    let m = m.expect("required");
    let t = &vm.types;
    let is_seq = m.class().is_subtype(&t.list_type) || m.class().is_subtype(&t.tuple_type);
    if m.class().payload.slots.getitem.get().is_none() || is_seq {
        return Err(vm.new_type_error(format!(
            "mappingproxy() argument must be a mapping, not {}",
            crate::python::args::arg_type_name(&m)
        )));
    }
    Ok(vm.new_mappingproxy(m))
}

impl VM {
    /// A read-only view of `mapping` (a type shows its namespace).
    pub fn new_mappingproxy(&self, mapping: PyObjectRef) -> PyObjectRef {
        PyRef::new_exact(
            PyMappingProxy { mapping },
            self.types.mappingproxy_type.clone(),
        )
        .into_object()
    }
}

/// Fills the slots and methods of this file's type(s).
pub(crate) fn init(vm: &crate::VM) {
    let t = &vm.types;
    for ty in [&t.getset_descriptor_type, &t.member_descriptor_type] {
        vm.add_getset(ty, "__name__", descr_name, None);
        vm.add_getset(ty, "__qualname__", descr_qualname, None);
        vm.add_getset(ty, "__objclass__", descr_objclass, None);
        vm.add_getset(ty, "__doc__", none_getter, None);
    }
    let s = &t.getset_descriptor_type.payload.slots;
    s.descr_get.set(Some(getset_get));
    s.descr_set.set(Some(getset_set));
    s.repr.set(Some(getset_repr));
    let s = &t.member_descriptor_type.payload.slots;
    s.descr_get.set(Some(member_get));
    s.descr_set.set(Some(member_set));
    s.repr.set(Some(member_repr));

    let p = &t.property_type;
    let s = &p.payload.slots;
    s.new.set(Some(property_new));
    s.init.set(Some(property_init));
    s.descr_get.set(Some(property_get));
    s.descr_set.set(Some(property_set));
    vm.add_member(p, "fget", property_fget);
    vm.add_member(p, "fset", property_fset);
    vm.add_member(p, "fdel", property_fdel);
    vm.add_getset(p, "__doc__", property_doc, Some(property_set_doc));
    vm.add_getset(
        p,
        "__name__",
        property_get_name,
        Some(property_set_name_attr),
    );
    vm.add_getset(p, "__isabstractmethod__", property_isabstract, None);
    vm.add_method(p, "getter", property_getter);
    vm.add_method(p, "setter", property_setter);
    vm.add_method(p, "deleter", property_deleter);
    vm.add_method(p, "__set_name__", property_set_name);

    for (ty, new, get) in [
        (
            &t.staticmethod_type,
            sm_new as crate::objects::typeobject::NewFn,
            sm_get as crate::objects::typeobject::DescrGetFn,
        ),
        (&t.classmethod_type, cm_new, cm_get),
    ] {
        let s = &ty.payload.slots;
        s.new.set(Some(new));
        s.init.set(Some(wraps_init));
        s.descr_get.set(Some(get));
        s.repr.set(Some(wrapper_repr));
        vm.add_member(ty, "__func__", wrapper_func);
        vm.add_member(ty, "__wrapped__", wrapper_func);
        vm.add_getset(ty, "__isabstractmethod__", wrapper_isabstract, None);
    }
    t.staticmethod_type.payload.slots.call.set(Some(sm_call));

    let mp = &t.mappingproxy_type;
    let s = &mp.payload.slots;
    s.new.set(Some(proxy_new));
    s.getitem.set(Some(proxy_getitem));
    s.contains.set(Some(proxy_contains));
    s.len.set(Some(proxy_len));
    s.iter.set(Some(proxy_iter));
    s.repr.set(Some(proxy_repr));
    s.str.set(Some(proxy_str));
    s.richcompare.set(Some(proxy_richcompare));
    vm.add_method(mp, "get", proxy_get);
    vm.add_method(mp, "keys", proxy_keys);
    vm.add_method(mp, "values", proxy_values);
    vm.add_method(mp, "items", proxy_items);
    vm.add_method(mp, "copy", proxy_copy);
}
