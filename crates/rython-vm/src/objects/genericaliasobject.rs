//! `types.GenericAlias` (CPython's Objects/genericaliasobject.c): what
//! `list[int]` evaluates to, via the containers' `__class_getitem__`.
//! Annotations are evaluated eagerly in 3.13, so this is needed by any
//! program annotated with builtin generics.

use crate::object::{PyObjectRef, PyPayload, PyRef, PyTypeRef};
use crate::objects::iterobject;
use crate::objects::seqcommon::method_args;
use crate::objects::strobject::{PyStr, PyStrRef};
use crate::objects::tupleobject::{PyTuple, PyTupleRef};
use crate::objects::typeobject::{CompareOp, PyType};
use crate::{PyResult, VM};

pub struct PyGenericAlias {
    pub origin: PyObjectRef,
    pub args: PyTupleRef,
    /// The type variables among the arguments, found on first use (finding
    /// them runs Python code).
    pub parameters: std::cell::RefCell<Option<PyTupleRef>>,
}

impl PyPayload for PyGenericAlias {
    fn class(vm: &VM) -> &PyTypeRef {
        // Only ever allocated with its own type from `extra_types`.
        &vm.types.object_type
    }
}

/// `GenericAlias(origin, item)`: a tuple item gives several arguments.
pub fn new_generic_alias(vm: &VM, origin: PyObjectRef, item: PyObjectRef) -> PyObjectRef {
    let args = match item.downcast_cloned::<PyTuple>() {
        Some(t) if item.class().is(&vm.types.tuple_type) => t,
        _ => vm.new_tuple(vec![item]),
    };
    PyRef::new_exact(
        PyGenericAlias {
            origin,
            args,
            parameters: std::cell::RefCell::new(None),
        },
        iterobject::extra_types(vm).generic_alias,
    )
    .into_object()
}

/// `cls.__class_getitem__(item)` for the builtin generic containers.
pub fn class_getitem(vm: &VM, a: &[PyObjectRef], kw: Option<&PyTupleRef>) -> PyResult<PyObjectRef> {
    let (cls, a) = method_args(vm, "__class_getitem__", a, kw, 1, 1)?;
    Ok(new_generic_alias(vm, cls.clone(), a[0].clone()))
}

fn this<'a>(vm: &VM, obj: &'a PyObjectRef) -> PyResult<&'a PyGenericAlias> {
    obj.downcast_ref::<PyGenericAlias>()
        .ok_or_else(|| vm.new_type_error("expected a GenericAlias"))
}

/// One element of the repr (`ga_repr_item`).
fn repr_item(vm: &VM, obj: &PyObjectRef) -> PyResult<String> {
    if obj.is(&vm.ctx.ellipsis) {
        return Ok("...".to_string());
    }
    if obj.payload_is::<PyGenericAlias>() {
        return vm.repr_string(obj);
    }
    if let Some(l) = obj.downcast_ref::<crate::objects::listobject::PyList>() {
        let parts: PyResult<Vec<String>> = l.to_vec().iter().map(|x| repr_item(vm, x)).collect();
        return Ok(format!("[{}]", parts?.join(", ")));
    }
    if obj.payload_is::<PyType>() {
        let qualname = vm.get_attr_opt_str(obj, "__qualname__")?;
        let module = vm.get_attr_opt_str(obj, "__module__")?;
        if let (Some(q), Some(m)) = (qualname, module) {
            if let (Some(q), Some(m)) = (q.downcast_ref::<PyStr>(), m.downcast_ref::<PyStr>()) {
                return Ok(if m.as_str() == "builtins" {
                    q.as_str().to_string()
                } else {
                    format!("{}.{}", m.as_str(), q.as_str())
                });
            }
        }
    }
    vm.repr_string(obj)
}

fn ga_repr(vm: &VM, obj: &PyObjectRef) -> PyResult<PyObjectRef> {
    let g = this(vm, obj)?;
    let mut out = repr_item(vm, &g.origin)?;
    out.push('[');
    if g.args.payload.is_empty() {
        out.push_str("()");
    }
    for (i, x) in g.args.payload.as_slice().iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(&repr_item(vm, x)?);
    }
    out.push(']');
    Ok(vm.new_str_obj(out))
}

fn ga_richcompare(
    vm: &VM,
    a: &PyObjectRef,
    b: &PyObjectRef,
    op: CompareOp,
) -> PyResult<PyObjectRef> {
    let (Some(x), Some(y)) = (
        a.downcast_ref::<PyGenericAlias>(),
        b.downcast_ref::<PyGenericAlias>(),
    ) else {
        return Ok(vm.not_implemented());
    };
    if !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(vm.not_implemented());
    }
    let eq =
        vm.eq_bool(&x.origin, &y.origin)? && vm.eq_bool(x.args.as_object(), y.args.as_object())?;
    Ok(vm.new_bool(eq == (op == CompareOp::Eq)))
}

fn ga_hash(vm: &VM, obj: &PyObjectRef) -> PyResult<i64> {
    let g = this(vm, obj)?;
    let h = vm.hash(&g.origin)? ^ vm.hash(g.args.as_object())?;
    Ok(if h == -1 { -2 } else { h })
}

fn ga_call(
    vm: &VM,
    obj: &PyObjectRef,
    args: &[PyObjectRef],
    kw: Option<&PyTupleRef>,
) -> PyResult<PyObjectRef> {
    let g = this(vm, obj)?;
    let r = vm.call(&g.origin, args, kw)?;
    // Best effort, as in CPython: builtins refuse new attributes.
    if let Err(e) = vm.set_attr_str(&r, "__orig_class__", obj.clone()) {
        let c = e.as_object().class();
        if !c.is_subtype(&vm.types.exc.attribute_error) && !c.is_subtype(&vm.types.exc.type_error) {
            return Err(e);
        }
    }
    Ok(r)
}

/// Names looked up on the alias itself; everything else comes from the
/// origin (`list[int].append is list.append`).
const OWN_ATTRS: [&str; 12] = [
    "__class__",
    "__bases__",
    "__origin__",
    "__args__",
    "__unpacked__",
    "__parameters__",
    "__typing_unpacked_tuple_args__",
    "__mro_entries__",
    "__reduce_ex__",
    "__reduce__",
    "__copy__",
    "__deepcopy__",
];

fn ga_getattro(vm: &VM, obj: &PyObjectRef, name: &PyStrRef) -> PyResult<PyObjectRef> {
    let g = this(vm, obj)?;
    let n = name.payload.as_str();
    if !OWN_ATTRS.contains(&n) {
        return vm.get_attr(&g.origin, name);
    }
    crate::python::abstract_::generic_getattr(vm, obj, name)
}

fn get_origin(vm: &VM, obj: &PyObjectRef) -> PyResult<PyObjectRef> {
    Ok(this(vm, obj)?.origin.clone())
}
fn get_args(vm: &VM, obj: &PyObjectRef) -> PyResult<PyObjectRef> {
    Ok(this(vm, obj)?.args.clone().into_object())
}
fn get_parameters(vm: &VM, obj: &PyObjectRef) -> PyResult<PyObjectRef> {
    Ok(parameters(vm, this(vm, obj)?)?.into_object())
}

/// `__parameters__`: the arguments that are type variables (they have
/// `__typing_subst__`), and those of arguments that are generic themselves,
/// each once, in order (CPython's `_Py_make_parameters`).
fn parameters(vm: &VM, g: &PyGenericAlias) -> PyResult<PyTupleRef> {
    if let Some(p) = g.parameters.borrow().as_ref() {
        return Ok(p.clone());
    }
    let mut out: Vec<PyObjectRef> = Vec::new();
    let mut add = |p: PyObjectRef| {
        if !out.iter().any(|x| x.is(&p)) {
            out.push(p);
        }
    };
    for a in g.args.payload.as_slice() {
        if a.payload_is::<PyType>() {
            continue;
        }
        if vm.get_attr_opt_str(a, "__typing_subst__")?.is_some() {
            add(a.clone());
            continue;
        }
        if let Some(sub) = vm.get_attr_opt_str(a, "__parameters__")? {
            if let Some(t) = sub.downcast_ref::<PyTuple>() {
                for p in t.as_slice() {
                    add(p.clone());
                }
            }
        }
    }
    let t = vm.new_tuple(out);
    *g.parameters.borrow_mut() = Some(t.clone());
    Ok(t)
}

/// `alias[items]`: substitutes the type variables (`_Py_subs_parameters`).
fn ga_getitem(vm: &VM, obj: &PyObjectRef, item: &PyObjectRef) -> PyResult<PyObjectRef> {
    let g = this(vm, obj)?;
    let params = parameters(vm, g)?;
    let params = params.payload.as_slice();
    if params.is_empty() {
        return Err(vm.new_type_error(format!("{} is not a generic class", vm.repr_string(obj)?)));
    }
    let mut item = item.clone();
    for p in params {
        if let Some(prep) = vm.get_attr_opt_str(p, "__typing_prepare_subst__")? {
            item = vm.call(&prep, &[obj.clone(), item], None)?;
        }
    }
    let items: Vec<PyObjectRef> = match item.downcast_ref::<PyTuple>() {
        Some(t) if item.class().is(&vm.types.tuple_type) => t.as_slice().to_vec(),
        _ => vec![item.clone()],
    };
    if items.len() != params.len() {
        return Err(vm.new_type_error(format!(
            "Too {} arguments for {}; actual {}, expected {}{}",
            if items.len() > params.len() {
                "many"
            } else {
                "few"
            },
            vm.repr_string(obj)?,
            items.len(),
            if items.len() < params.len() {
                "at least "
            } else {
                ""
            },
            params.len()
        )));
    }
    let index = |p: &PyObjectRef| params.iter().position(|x| x.is(p));
    let mut newargs = Vec::new();
    for a in g.args.payload.as_slice() {
        if a.payload_is::<PyType>() {
            newargs.push(a.clone());
            continue;
        }
        if let Some(subst) = vm.get_attr_opt_str(a, "__typing_subst__")? {
            let i = index(a).unwrap_or(0);
            newargs.push(vm.call1(&subst, items[i].clone())?);
            continue;
        }
        let sub = vm.get_attr_opt_str(a, "__parameters__")?;
        match sub.as_ref().and_then(|s| s.downcast_ref::<PyTuple>()) {
            Some(t) if !t.as_slice().is_empty() => {
                let subargs: Vec<PyObjectRef> = t
                    .as_slice()
                    .iter()
                    .map(|p| items[index(p).unwrap_or(0)].clone())
                    .collect();
                newargs.push(vm.get_item(a, &vm.new_tuple_obj(subargs))?);
            }
            _ => newargs.push(a.clone()),
        }
    }
    Ok(new_generic_alias(
        vm,
        g.origin.clone(),
        vm.new_tuple_obj(newargs),
    ))
}
fn get_unpacked(vm: &VM, _obj: &PyObjectRef) -> PyResult<PyObjectRef> {
    Ok(vm.new_bool(false))
}

fn ga_mro_entries(vm: &VM, a: &[PyObjectRef], kw: Option<&PyTupleRef>) -> PyResult<PyObjectRef> {
    let (me, _) = method_args(vm, "__mro_entries__", a, kw, 1, 1)?;
    Ok(vm.new_tuple_obj(vec![this(vm, me)?.origin.clone()]))
}

fn ga_instancecheck(
    vm: &VM,
    _a: &[PyObjectRef],
    _kw: Option<&PyTupleRef>,
) -> PyResult<PyObjectRef> {
    Err(vm.new_type_error("isinstance() argument 2 cannot be a parameterized generic"))
}

fn ga_subclasscheck(
    vm: &VM,
    _a: &[PyObjectRef],
    _kw: Option<&PyTupleRef>,
) -> PyResult<PyObjectRef> {
    Err(vm.new_type_error("issubclass() argument 2 cannot be a parameterized generic"))
}

fn ga_reduce(vm: &VM, a: &[PyObjectRef], kw: Option<&PyTupleRef>) -> PyResult<PyObjectRef> {
    let (me, _) = method_args(vm, "__reduce__", a, kw, 0, 0)?;
    let g = this(vm, me)?;
    let args = vm.new_tuple_obj(vec![g.origin.clone(), g.args.clone().into_object()]);
    Ok(vm.new_tuple_obj(vec![me.class().clone().into_object(), args]))
}

/// `list[int] | None` and `int | list[int]`: a `types.UnionType` (the
/// union type's own `|` only knows plain types).
fn ga_or(vm: &VM, a: &PyObjectRef, b: &PyObjectRef) -> PyResult<PyObjectRef> {
    use crate::objects::typeobject::typeobject_union::{union_type_object, PyUnion};
    let unionable = |o: &PyObjectRef| {
        vm.is_none(o)
            || o.payload_is::<PyType>()
            || o.payload_is::<PyUnion>()
            || o.payload_is::<PyGenericAlias>()
    };
    if !unionable(a) || !unionable(b) {
        return Ok(vm.not_implemented());
    }
    let mut all = Vec::new();
    for o in [a, b] {
        if let Some(u) = o.downcast_ref::<PyUnion>() {
            all.extend(u.args.payload.as_slice().iter().cloned());
        } else if vm.is_none(o) {
            all.push(vm.types.none_type.clone().into_object());
        } else {
            all.push(o.clone());
        }
    }
    let mut args: Vec<PyObjectRef> = Vec::with_capacity(all.len());
    for x in all {
        let mut dup = false;
        for y in &args {
            let both_alias = x.payload_is::<PyGenericAlias>() && y.payload_is::<PyGenericAlias>();
            if y.is(&x) || (both_alias && vm.eq_bool(y, &x)?) {
                dup = true;
                break;
            }
        }
        if !dup {
            args.push(x);
        }
    }
    if args.len() == 1 {
        return Ok(args.pop().unwrap_or_else(|| vm.none()));
    }
    Ok(PyRef::new_exact(
        PyUnion {
            args: vm.new_tuple(args),
        },
        union_type_object(vm),
    )
    .into_object())
}

fn ga_new(
    vm: &VM,
    _cls: &PyTypeRef,
    a: &[PyObjectRef],
    kw: Option<&PyTupleRef>,
) -> PyResult<PyObjectRef> {
    let a = crate::python::args::positional(vm, "GenericAlias", a, kw, 2, 2)?;
    Ok(new_generic_alias(vm, a[0].clone(), a[1].clone()))
}

/// Fills the GenericAlias type and gives the builtin generic containers
/// their `__class_getitem__`.
pub(crate) fn init(vm: &VM) {
    let ty = iterobject::extra_types(vm).generic_alias;
    let sl = &ty.payload.slots;
    sl.new.set(Some(ga_new));
    sl.repr.set(Some(ga_repr));
    sl.richcompare.set(Some(ga_richcompare));
    sl.hash.set(Some(ga_hash));
    sl.call.set(Some(ga_call));
    sl.getattro.set(Some(ga_getattro));
    sl.getitem.set(Some(ga_getitem));
    ty.payload
        .dict
        .set_str(vm, "__module__", vm.new_str_obj("types"));
    sl.nb_binary[crate::objects::typeobject::NumberOp::Or as usize].set(Some(ga_or));
    vm.add_getset(&ty, "__origin__", get_origin, None);
    vm.add_getset(&ty, "__args__", get_args, None);
    vm.add_getset(&ty, "__parameters__", get_parameters, None);
    vm.add_getset(&ty, "__unpacked__", get_unpacked, None);
    vm.add_method(&ty, "__mro_entries__", ga_mro_entries);
    vm.add_method(&ty, "__instancecheck__", ga_instancecheck);
    vm.add_method(&ty, "__subclasscheck__", ga_subclasscheck);
    vm.add_method(&ty, "__reduce__", ga_reduce);
    let t = &vm.types;
    for c in [
        &t.list_type,
        &t.tuple_type,
        &t.dict_type,
        &t.set_type,
        &t.frozenset_type,
        &t.enumerate_type,
    ] {
        vm.add_classmethod(c, "__class_getitem__", class_getitem);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::objects::container_testutil::*;

    #[test]
    fn aliases() {
        let vm = vm();
        let t = &vm.types;
        let li = new_generic_alias(
            &vm,
            t.list_type.clone().into_object(),
            t.int_type.clone().into_object(),
        );
        let two = vm.new_tuple_obj(vec![t.str_type.clone().into_object(), li.clone()]);
        let d = new_generic_alias(&vm, t.dict_type.clone().into_object(), two);
        // Type reprs need the type engineer's `__qualname__`; check shape.
        let r = repr(&vm, &d);
        assert!(r.starts_with("dict[") && r.ends_with("]]"), "{r}");
        let empty = new_generic_alias(
            &vm,
            t.tuple_type.clone().into_object(),
            vm.new_tuple_obj(vec![]),
        );
        assert!(repr(&vm, &empty).ends_with("[()]"));
        let ell = new_generic_alias(
            &vm,
            t.tuple_type.clone().into_object(),
            vm.new_tuple_obj(vec![vm.new_str_obj("X"), vm.ctx.ellipsis.clone()]),
        );
        assert!(repr(&vm, &ell).ends_with("['X', ...]"));
        let li2 = new_generic_alias(
            &vm,
            t.list_type.clone().into_object(),
            t.int_type.clone().into_object(),
        );
        let eq = vm.rich_compare(&li, &li2, CompareOp::Eq).ok().unwrap();
        assert_eq!(repr(&vm, &eq), "True");
    }
}
