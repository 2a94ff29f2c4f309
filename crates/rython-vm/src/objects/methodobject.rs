//! Native callables: builtin functions and the method descriptors of
//! builtin types (CPython's Objects/methodobject.c and the method/wrapper
//! parts of descrobject.c).
//!
//! `method_descriptor`, `classmethod_descriptor` and `wrapper_descriptor`
//! share the `PyMethodDescr` payload; a wrapper descriptor (`int.__add__`)
//! records in `slot` which slot of its defining type it calls. Its bound
//! form, `method-wrapper`, has the `PyBuiltinFunction` layout with `self_`
//! holding the pair `(bound object, descriptor)`: the pair is an
//! implementation detail hidden by the method-wrapper getters and repr.

use crate::object::{PyObjectRef, PyPayload, PyRef, PyTypeRef};
use crate::objects::tupleobject::{PyTuple, PyTupleRef};
use crate::objects::typeobject::{CompareOp, PyType};
use crate::{PyResult, VM};

/// The native calling convention: positional arguments (for a method,
/// `self` first), then the values of the keywords named by `kwnames`.
pub type NativeFn = fn(&VM, &[PyObjectRef], Option<&PyTupleRef>) -> PyResult<PyObjectRef>;

/// Calls one slot of `defining_type` (the wrapper's objclass): `arg`
/// selects the variant (the `NumberOp`/`CompareOp` index), `args` starts
/// with `self`.
pub type WrapperFn =
    fn(&VM, &PyTypeRef, u32, &[PyObjectRef], Option<&PyTupleRef>) -> PyResult<PyObjectRef>;

#[derive(Clone, Copy)]
pub struct SlotWrapper {
    pub call: WrapperFn,
    pub arg: u32,
}

/// `builtin_function_or_method`: a native function, possibly bound.
pub struct PyBuiltinFunction {
    pub name: &'static str,
    pub func: NativeFn,
    /// The bound object (`[].append`) or the module (`len`).
    pub self_: Option<PyObjectRef>,
    /// True when `self_` is passed as the first argument.
    pub pass_self: bool,
    pub doc: Option<&'static str>,
}

impl PyPayload for PyBuiltinFunction {
    fn class(vm: &VM) -> &PyTypeRef {
        &vm.types.builtin_function_type
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MethodKind {
    Instance,
    Class,
    Static,
}

/// `method_descriptor` (and `classmethod_descriptor`, `wrapper_descriptor`):
/// a native method in a builtin type's dict.
pub struct PyMethodDescr {
    pub name: &'static str,
    pub func: NativeFn,
    pub objclass: PyTypeRef,
    pub kind: MethodKind,
    pub doc: Option<&'static str>,
    /// For wrapper descriptors: the slot of `objclass` this calls.
    pub slot: Option<SlotWrapper>,
}

impl PyPayload for PyMethodDescr {
    fn class(vm: &VM) -> &PyTypeRef {
        &vm.types.method_descriptor_type
    }
}

/// Runs `f` one level deeper in the recursion count: native call chains
/// that never enter a Python frame (`__eq__ = object.__ne__`, a
/// staticmethod wrapping itself) must still end in RecursionError.
pub fn guarded<T>(vm: &VM, f: impl FnOnce() -> PyResult<T>) -> PyResult<T> {
    let depth = vm.recursion_depth.get();
    if depth >= vm.recursion_limit.get() {
        return Err(vm.new_recursion_error(
            "maximum recursion depth exceeded while calling a Python object",
        ));
    }
    vm.recursion_depth.set(depth + 1);
    let r = f();
    vm.recursion_depth.set(depth);
    r
}

/// Argument check of a native method taking `self` plus exactly `n`
/// positional arguments, with CPython's METH_NOARGS / METH_O wording
/// (`object.__sizeof__() takes no arguments (1 given)`); `qualname` is
/// the method's `Type.name`.
pub fn method_args<'a>(
    vm: &VM,
    qualname: &str,
    args: &'a [PyObjectRef],
    kwnames: Option<&PyTupleRef>,
    n: usize,
) -> PyResult<&'a [PyObjectRef]> {
    if kwnames.is_some_and(|k| !k.payload.is_empty()) {
        return Err(vm.new_type_error(format!("{qualname}() takes no keyword arguments")));
    }
    let given = args.len().saturating_sub(1);
    if args.is_empty() || given != n {
        return Err(vm.new_type_error(match n {
            0 => format!("{qualname}() takes no arguments ({given} given)"),
            1 => format!("{qualname}() takes exactly one argument ({given} given)"),
            _ => format!("{qualname} expected {n} arguments, got {given}"),
        }));
    }
    Ok(args)
}

impl VM {
    /// A builtin method bound to `obj` (what `[].append` evaluates to).
    pub fn new_bound_builtin(
        &self,
        name: &'static str,
        func: NativeFn,
        obj: PyObjectRef,
        doc: Option<&'static str>,
    ) -> PyObjectRef {
        PyRef::new_exact(
            PyBuiltinFunction {
                name,
                func,
                self_: Some(obj),
                pass_self: true,
                doc,
            },
            self.types.builtin_function_type.clone(),
        )
        .into_object()
    }
}

fn builtin_call(
    vm: &VM,
    zelf: &PyObjectRef,
    args: &[PyObjectRef],
    kwnames: Option<&PyTupleRef>,
) -> PyResult {
    let Some(f) = zelf.downcast_ref::<PyBuiltinFunction>() else {
        return Err(vm.new_type_error("expected a builtin function"));
    };
    match (&f.self_, f.pass_self) {
        (Some(s), true) => {
            let mut full = Vec::with_capacity(args.len() + 1);
            full.push(s.clone());
            full.extend_from_slice(args);
            (f.func)(vm, &full, kwnames)
        }
        _ => (f.func)(vm, args, kwnames),
    }
}

/// True when `self_` is a module (or absent): the function is shown as a
/// plain function rather than a method.
fn is_module_function(vm: &VM, f: &PyBuiltinFunction) -> bool {
    match &f.self_ {
        None => true,
        Some(s) => s.class().is_subtype(&vm.types.module_type),
    }
}

fn builtin_repr(vm: &VM, zelf: &PyObjectRef) -> PyResult {
    let f = zelf.downcast_ref::<PyBuiltinFunction>().expect("builtin");
    if is_module_function(vm, f) || !f.pass_self {
        return Ok(vm.new_str_obj(format!("<built-in function {}>", f.name)));
    }
    let s = f.self_.as_ref().expect("bound");
    Ok(vm.new_str_obj(format!(
        "<built-in method {} of {} object at {:#x}>",
        f.name,
        s.class().name_string(),
        s.id()
    )))
}

fn builtin_self_id(f: &PyBuiltinFunction) -> usize {
    f.self_.as_ref().map(|s| s.id()).unwrap_or(0)
}

fn builtin_richcompare(vm: &VM, a: &PyObjectRef, b: &PyObjectRef, op: CompareOp) -> PyResult {
    let (Some(x), Some(y)) = (
        a.downcast_ref::<PyBuiltinFunction>(),
        b.downcast_ref::<PyBuiltinFunction>(),
    ) else {
        return Ok(vm.not_implemented());
    };
    if !matches!(op, CompareOp::Eq | CompareOp::Ne) || !a.class().is(b.class()) {
        return Ok(vm.not_implemented());
    }
    #[allow(unpredictable_function_pointer_comparisons)]
    let same = builtin_self_id(x) == builtin_self_id(y) && x.func == y.func && x.name == y.name;
    Ok(vm.new_bool(same == (op == CompareOp::Eq)))
}

fn builtin_hash(vm: &VM, zelf: &PyObjectRef) -> PyResult<i64> {
    let f = zelf.downcast_ref::<PyBuiltinFunction>().expect("builtin");
    let h = rython_common::hash::hash_pointer(f.func as usize)
        ^ rython_common::hash::hash_pointer(builtin_self_id(f));
    let _ = vm;
    Ok(if h == -1 { -2 } else { h })
}

fn get_builtin(vm: &VM, zelf: &PyObjectRef) -> PyResult<PyRef<PyBuiltinFunction>> {
    zelf.downcast_cloned::<PyBuiltinFunction>()
        .ok_or_else(|| vm.new_type_error("descriptor requires a builtin function"))
}

fn builtin_name(vm: &VM, zelf: &PyObjectRef) -> PyResult {
    let f = get_builtin(vm, zelf)?;
    Ok(vm.new_str_obj(f.payload.name))
}

fn builtin_qualname(vm: &VM, zelf: &PyObjectRef) -> PyResult {
    let f = get_builtin(vm, zelf)?;
    let f = &f.payload;
    if is_module_function(vm, f) || !f.pass_self {
        return Ok(vm.new_str_obj(f.name));
    }
    let s = f.self_.as_ref().expect("bound");
    let ty = match s.clone().downcast::<PyType>() {
        Ok(t) => t,
        Err(o) => o.class().clone(),
    };
    let q = ty.payload.qualname.borrow().clone();
    Ok(vm.new_str_obj(format!("{q}.{}", f.name)))
}

fn builtin_self(vm: &VM, zelf: &PyObjectRef) -> PyResult {
    let f = get_builtin(vm, zelf)?;
    Ok(f.payload.self_.clone().unwrap_or_else(|| vm.none()))
}

fn builtin_module(vm: &VM, zelf: &PyObjectRef) -> PyResult {
    let f = get_builtin(vm, zelf)?;
    match &f.payload.self_ {
        Some(m) if m.class().is_subtype(&vm.types.module_type) => Ok(vm
            .get_attr_opt_str(m, "__name__")?
            .unwrap_or_else(|| vm.none())),
        None if f.payload.pass_self => Ok(vm.none()),
        None => Ok(vm.new_str_obj("builtins")),
        _ => Ok(vm.none()),
    }
}

fn doc_obj(vm: &VM, doc: Option<&'static str>) -> PyObjectRef {
    match doc {
        Some(d) => vm.new_str_obj(d),
        None => vm.none(),
    }
}

fn builtin_doc(vm: &VM, zelf: &PyObjectRef) -> PyResult {
    let f = get_builtin(vm, zelf)?;
    Ok(doc_obj(vm, f.payload.doc))
}

fn builtin_text_signature(vm: &VM, zelf: &PyObjectRef) -> PyResult {
    let f = get_builtin(vm, zelf)?;
    let in_builtins = match &f.payload.self_ {
        Some(m) if m.class().is_subtype(&vm.types.module_type) => vm
            .get_attr_opt_str(m, "__name__")?
            .and_then(|n| {
                n.downcast_ref::<crate::objects::strobject::PyStr>()
                    .map(|s| s.as_str() == "builtins")
            })
            .unwrap_or(false),
        _ => false,
    };
    let sig = if in_builtins {
        crate::python::bltinmodule::builtin_text_signature(f.payload.name)
    } else {
        None
    };
    Ok(doc_obj(vm, sig))
}

fn none_getter(vm: &VM, _zelf: &PyObjectRef) -> PyResult {
    Ok(vm.none())
}

// ----- method descriptors ------------------------------------------------

fn descr_ref<'a>(vm: &VM, zelf: &'a PyObjectRef) -> PyResult<&'a PyMethodDescr> {
    zelf.downcast_ref::<PyMethodDescr>()
        .ok_or_else(|| vm.new_type_error("expected a method descriptor"))
}

/// Checks that `self` of an unbound descriptor call is an instance of the
/// defining class (`descr_check` / `method_vectorcall` checks).
fn check_self(vm: &VM, d: &PyMethodDescr, obj: &PyObjectRef) -> PyResult<()> {
    if d.kind == MethodKind::Class {
        let ok = obj
            .clone()
            .downcast::<PyType>()
            .map(|t| t.is_subtype(&d.objclass))
            .unwrap_or(false);
        if !ok {
            return Err(match obj.downcast_ref::<PyType>() {
                Some(t) => vm.new_type_error(format!(
                    "descriptor '{}' for type '{}' doesn't apply to type '{}'",
                    d.name,
                    d.objclass.name_string(),
                    t.name()
                )),
                None => vm.new_type_error(format!(
                    "descriptor '{}' for type '{}' needs a type, not a '{}' as arg 2",
                    d.name,
                    d.objclass.name_string(),
                    obj.class().name_string()
                )),
            });
        }
        return Ok(());
    }
    if !obj.class().is_subtype(&d.objclass) {
        return Err(vm.new_type_error(format!(
            "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
            d.name,
            d.objclass.name_string(),
            obj.class().name_string()
        )));
    }
    Ok(())
}

fn method_descr_call(
    vm: &VM,
    zelf: &PyObjectRef,
    args: &[PyObjectRef],
    kwnames: Option<&PyTupleRef>,
) -> PyResult {
    let d = descr_ref(vm, zelf)?;
    if d.kind == MethodKind::Static {
        return (d.func)(vm, args, kwnames);
    }
    let nkw = kwnames.map(|k| k.payload.len()).unwrap_or(0);
    if args.len() <= nkw {
        return Err(if let Some(_s) = d.slot {
            vm.new_type_error(format!(
                "descriptor '{}' of '{}' object needs an argument",
                d.name,
                d.objclass.name_string()
            ))
        } else {
            vm.new_type_error(format!(
                "unbound method {}.{}() needs an argument",
                d.objclass.name_string(),
                d.name
            ))
        });
    }
    if let Some(s) = d.slot {
        if !args[0].class().is_subtype(&d.objclass) {
            return Err(vm.new_type_error(format!(
                "descriptor '{}' requires a '{}' object but received a '{}'",
                d.name,
                d.objclass.name_string(),
                args[0].class().name_string()
            )));
        }
        return guarded(vm, || (s.call)(vm, &d.objclass, s.arg, args, kwnames));
    }
    check_self(vm, d, &args[0])?;
    (d.func)(vm, args, kwnames)
}

fn method_descr_get(
    vm: &VM,
    zelf: &PyObjectRef,
    obj: Option<&PyObjectRef>,
    cls: Option<&PyObjectRef>,
) -> PyResult {
    let d = descr_ref(vm, zelf)?;
    match d.kind {
        MethodKind::Static => {
            return Ok(PyRef::new_exact(
                PyBuiltinFunction {
                    name: d.name,
                    func: d.func,
                    self_: None,
                    pass_self: false,
                    doc: d.doc,
                },
                vm.types.builtin_function_type.clone(),
            )
            .into_object());
        }
        MethodKind::Class => {
            let target = match (cls, obj) {
                (Some(c), _) => c.clone(),
                (None, Some(o)) => o.class().clone().into_object(),
                (None, None) => {
                    return Err(vm.new_type_error(format!(
                        "descriptor '{}' for type '{}' needs either an object or a type",
                        d.name,
                        d.objclass.name_string()
                    )))
                }
            };
            check_self(vm, d, &target)?;
            return Ok(vm.new_bound_builtin(d.name, d.func, target, d.doc));
        }
        MethodKind::Instance => {}
    }
    let Some(obj) = obj else {
        return Ok(zelf.clone());
    };
    if !obj.class().is_subtype(&d.objclass) {
        return Err(vm.new_type_error(format!(
            "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
            d.name,
            d.objclass.name_string(),
            obj.class().name_string()
        )));
    }
    if d.slot.is_some() {
        let pair = vm.new_tuple_obj(vec![obj.clone(), zelf.clone()]);
        return Ok(PyRef::new_exact(
            PyBuiltinFunction {
                name: d.name,
                func: method_wrapper_call,
                self_: Some(pair),
                pass_self: true,
                doc: d.doc,
            },
            vm.types.method_wrapper_type.clone(),
        )
        .into_object());
    }
    Ok(vm.new_bound_builtin(d.name, d.func, obj.clone(), d.doc))
}

fn method_descr_repr(vm: &VM, zelf: &PyObjectRef) -> PyResult {
    let d = descr_ref(vm, zelf)?;
    let what = if d.slot.is_some() {
        "slot wrapper"
    } else {
        "method"
    };
    Ok(vm.new_str_obj(format!(
        "<{what} '{}' of '{}' objects>",
        d.name,
        d.objclass.name_string()
    )))
}

fn descr_name(vm: &VM, zelf: &PyObjectRef) -> PyResult {
    Ok(vm.new_str_obj(descr_ref(vm, zelf)?.name))
}

fn descr_qualname(vm: &VM, zelf: &PyObjectRef) -> PyResult {
    let d = descr_ref(vm, zelf)?;
    let q = d.objclass.payload.qualname.borrow().clone();
    Ok(vm.new_str_obj(format!("{q}.{}", d.name)))
}

fn descr_objclass(vm: &VM, zelf: &PyObjectRef) -> PyResult {
    Ok(descr_ref(vm, zelf)?.objclass.clone().into_object())
}

fn descr_doc(vm: &VM, zelf: &PyObjectRef) -> PyResult {
    Ok(doc_obj(vm, descr_ref(vm, zelf)?.doc))
}

// ----- method-wrapper ----------------------------------------------------

/// Splits a method-wrapper's hidden `(object, descriptor)` pair.
fn wrapper_parts(zelf: &PyObjectRef) -> Option<(PyObjectRef, PyObjectRef)> {
    let f = zelf.downcast_ref::<PyBuiltinFunction>()?;
    let pair = f.self_.as_ref()?.downcast_ref::<PyTuple>()?;
    match pair.as_slice() {
        [o, d] => Some((o.clone(), d.clone())),
        _ => None,
    }
}

fn method_wrapper_call(vm: &VM, args: &[PyObjectRef], kwnames: Option<&PyTupleRef>) -> PyResult {
    let pair = args.first().and_then(|p| p.downcast_ref::<PyTuple>());
    let Some([obj, descr]) = pair.map(|p| p.as_slice()) else {
        return Err(vm.new_system_error("bad method-wrapper"));
    };
    let d = descr_ref(vm, descr)?;
    let Some(s) = d.slot else {
        return Err(vm.new_system_error("bad method-wrapper"));
    };
    let mut full = Vec::with_capacity(args.len());
    full.push(obj.clone());
    full.extend_from_slice(&args[1..]);
    guarded(vm, || (s.call)(vm, &d.objclass, s.arg, &full, kwnames))
}

fn method_wrapper_repr(vm: &VM, zelf: &PyObjectRef) -> PyResult {
    let (obj, descr) = wrapper_parts(zelf).ok_or_else(|| vm.new_system_error("bad wrapper"))?;
    let d = descr_ref(vm, &descr)?;
    Ok(vm.new_str_obj(format!(
        "<method-wrapper '{}' of {} object at {:#x}>",
        d.name,
        obj.class().name_string(),
        obj.id()
    )))
}

fn method_wrapper_self(vm: &VM, zelf: &PyObjectRef) -> PyResult {
    let (obj, _) = wrapper_parts(zelf).ok_or_else(|| vm.new_system_error("bad wrapper"))?;
    Ok(obj)
}

fn method_wrapper_qualname(vm: &VM, zelf: &PyObjectRef) -> PyResult {
    let (_, d) = wrapper_parts(zelf).ok_or_else(|| vm.new_system_error("bad wrapper"))?;
    descr_qualname(vm, &d)
}

fn method_wrapper_objclass(vm: &VM, zelf: &PyObjectRef) -> PyResult {
    let (_, d) = wrapper_parts(zelf).ok_or_else(|| vm.new_system_error("bad wrapper"))?;
    descr_objclass(vm, &d)
}

fn method_wrapper_richcompare(
    vm: &VM,
    a: &PyObjectRef,
    b: &PyObjectRef,
    op: CompareOp,
) -> PyResult {
    if !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(vm.not_implemented());
    }
    let (Some((oa, da)), Some((ob, db))) = (wrapper_parts(a), wrapper_parts(b)) else {
        return Ok(vm.not_implemented());
    };
    let same = oa.is(&ob) && da.is(&db);
    Ok(vm.new_bool(same == (op == CompareOp::Eq)))
}

fn method_wrapper_hash(_vm: &VM, zelf: &PyObjectRef) -> PyResult<i64> {
    let (o, d) = wrapper_parts(zelf).unwrap_or((zelf.clone(), zelf.clone()));
    let h = rython_common::hash::hash_pointer(o.id()) ^ rython_common::hash::hash_pointer(d.id());
    Ok(if h == -1 { -2 } else { h })
}

/// `__name__` of any native callable, for messages elsewhere.
pub fn builtin_name_of(obj: &PyObjectRef) -> Option<&'static str> {
    if let Some(f) = obj.downcast_ref::<PyBuiltinFunction>() {
        return Some(f.name);
    }
    obj.downcast_ref::<PyMethodDescr>().map(|d| d.name)
}

/// Fills the slots and methods of this file's type(s).
pub(crate) fn init(vm: &crate::VM) {
    let t = &vm.types;
    let bf = &t.builtin_function_type;
    let s = &bf.payload.slots;
    s.call.set(Some(builtin_call));
    s.repr.set(Some(builtin_repr));
    s.richcompare.set(Some(builtin_richcompare));
    s.hash.set(Some(builtin_hash));
    vm.add_getset(bf, "__name__", builtin_name, None);
    vm.add_getset(bf, "__qualname__", builtin_qualname, None);
    vm.add_getset(bf, "__self__", builtin_self, None);
    vm.add_getset(bf, "__doc__", builtin_doc, None);
    vm.add_getset(bf, "__text_signature__", builtin_text_signature, None);
    vm.add_getset(bf, "__module__", builtin_module, None);

    let mw = &t.method_wrapper_type;
    let s = &mw.payload.slots;
    s.call.set(Some(builtin_call));
    s.repr.set(Some(method_wrapper_repr));
    s.richcompare.set(Some(method_wrapper_richcompare));
    s.hash.set(Some(method_wrapper_hash));
    vm.add_getset(mw, "__name__", builtin_name, None);
    vm.add_getset(mw, "__qualname__", method_wrapper_qualname, None);
    vm.add_getset(mw, "__self__", method_wrapper_self, None);
    vm.add_getset(mw, "__objclass__", method_wrapper_objclass, None);
    vm.add_getset(mw, "__doc__", builtin_doc, None);
    vm.add_getset(mw, "__text_signature__", none_getter, None);

    for ty in [
        &t.method_descriptor_type,
        &t.classmethod_descriptor_type,
        &t.wrapper_descriptor_type,
    ] {
        let s = &ty.payload.slots;
        s.call.set(Some(method_descr_call));
        s.descr_get.set(Some(method_descr_get));
        s.repr.set(Some(method_descr_repr));
        vm.add_getset(ty, "__name__", descr_name, None);
        vm.add_getset(ty, "__qualname__", descr_qualname, None);
        vm.add_getset(ty, "__objclass__", descr_objclass, None);
        vm.add_getset(ty, "__doc__", descr_doc, None);
        vm.add_getset(ty, "__text_signature__", none_getter, None);
    }
}
