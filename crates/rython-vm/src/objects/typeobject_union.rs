//! `X | Y` on types: `types.UnionType` (CPython's Objects/unionobject.c).
//!
//! The union type is created here rather than in `Types` (owned by the VM
//! core); its handle is leaked once per interpreter so `PyPayload::class`
//! can hand out a `'static` reference.

use std::cell::Cell;

use crate::object::{PyObjectRef, PyPayload, PyRef, PyTypeRef};
use crate::objects::tupleobject::PyTupleRef;
use crate::objects::typeobject::{CompareOp, NumberOp, PyType};
use crate::python::args::positional;
use crate::{PyResult, VM};

pub struct PyUnion {
    pub args: PyTupleRef,
}

thread_local! {
    static UNION_TYPE: Cell<Option<&'static PyTypeRef>> = const { Cell::new(None) };
}

impl PyPayload for PyUnion {
    fn class(vm: &VM) -> &PyTypeRef {
        UNION_TYPE
            .with(|t| t.get())
            .unwrap_or(&vm.types.object_type)
    }
}

fn union_type(vm: &VM) -> PyTypeRef {
    PyUnion::class(vm).clone()
}

/// Whether `obj` may appear in a union (`is_unionable`).
fn unionable(vm: &VM, obj: &PyObjectRef) -> bool {
    vm.is_none(obj) || obj.payload_is::<PyType>() || obj.payload_is::<PyUnion>()
}

/// The members of a union operand, flattening nested unions and turning
/// `None` into `NoneType`.
fn members(vm: &VM, obj: &PyObjectRef, out: &mut Vec<PyObjectRef>) {
    if let Some(u) = obj.downcast_ref::<PyUnion>() {
        out.extend(u.args.payload.as_slice().iter().cloned());
    } else if vm.is_none(obj) {
        out.push(vm.types.none_type.clone().into_object());
    } else {
        out.push(obj.clone());
    }
}

/// `a | b` for types, None and unions; NotImplemented otherwise.
pub fn union_or(vm: &VM, a: &PyObjectRef, b: &PyObjectRef) -> PyResult {
    if !unionable(vm, a) || !unionable(vm, b) {
        return Ok(vm.not_implemented());
    }
    let mut all = Vec::new();
    members(vm, a, &mut all);
    members(vm, b, &mut all);
    let mut args: Vec<PyObjectRef> = Vec::with_capacity(all.len());
    for x in all {
        if !args.iter().any(|y| y.is(&x)) {
            args.push(x);
        }
    }
    if args.len() == 1 {
        return Ok(args.pop().expect("one"));
    }
    Ok(PyRef::new_exact(
        PyUnion {
            args: vm.new_tuple(args),
        },
        union_type(vm),
    )
    .into_object())
}

fn get_union<'a>(vm: &VM, obj: &'a PyObjectRef) -> PyResult<&'a PyUnion> {
    obj.downcast_ref::<PyUnion>()
        .ok_or_else(|| vm.new_type_error("descriptor requires a 'types.UnionType' object"))
}

fn arg_repr(vm: &VM, a: &PyObjectRef) -> PyResult<String> {
    if a.is(vm.types.none_type.as_object()) {
        return Ok("None".to_string());
    }
    if let Ok(t) = a.clone().downcast::<PyType>() {
        let q = t.payload.qualname.borrow().clone();
        return Ok(match t.module_name(vm) {
            Some(m) if m != "builtins" => format!("{m}.{q}"),
            _ => q,
        });
    }
    vm.repr_string(a)
}

fn union_repr(vm: &VM, zelf: &PyObjectRef) -> PyResult {
    let u = get_union(vm, zelf)?;
    let parts: PyResult<Vec<String>> = u
        .args
        .payload
        .as_slice()
        .iter()
        .map(|a| arg_repr(vm, a))
        .collect();
    Ok(vm.new_str_obj(parts?.join(" | ")))
}

fn union_args(vm: &VM, zelf: &PyObjectRef) -> PyResult {
    Ok(get_union(vm, zelf)?.args.clone().into_object())
}

fn union_parameters(vm: &VM, _zelf: &PyObjectRef) -> PyResult {
    Ok(vm.new_tuple_obj(vec![]))
}

fn union_richcompare(vm: &VM, a: &PyObjectRef, b: &PyObjectRef, op: CompareOp) -> PyResult {
    let (Some(x), Some(y)) = (a.downcast_ref::<PyUnion>(), b.downcast_ref::<PyUnion>()) else {
        return Ok(vm.not_implemented());
    };
    if !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(vm.not_implemented());
    }
    let (xs, ys) = (x.args.payload.as_slice(), y.args.payload.as_slice());
    let subset = |p: &[PyObjectRef], q: &[PyObjectRef]| p.iter().all(|e| q.iter().any(|f| f.is(e)));
    let eq = subset(xs, ys) && subset(ys, xs);
    Ok(vm.new_bool(eq == (op == CompareOp::Eq)))
}

fn union_hash(vm: &VM, zelf: &PyObjectRef) -> PyResult<i64> {
    // Order-insensitive, like hashing a frozenset of the members.
    let u = get_union(vm, zelf)?;
    let mut h: i64 = 0x1234_5678;
    for a in u.args.payload.as_slice() {
        h ^= vm.hash(a)?.wrapping_mul(0x0100_0193);
    }
    Ok(if h == -1 { -2 } else { h })
}

fn union_instancecheck(vm: &VM, args: &[PyObjectRef], kw: Option<&PyTupleRef>) -> PyResult {
    let a = positional(vm, "__instancecheck__", args, kw, 2, 2)?;
    let u = get_union(vm, &a[0])?;
    for t in u.args.payload.as_slice() {
        if vm.isinstance(&a[1], t)? {
            return Ok(vm.new_bool(true));
        }
    }
    Ok(vm.new_bool(false))
}

fn union_subclasscheck(vm: &VM, args: &[PyObjectRef], kw: Option<&PyTupleRef>) -> PyResult {
    let a = positional(vm, "__subclasscheck__", args, kw, 2, 2)?;
    let u = get_union(vm, &a[0])?;
    for t in u.args.payload.as_slice() {
        if vm.issubclass(&a[1], t)? {
            return Ok(vm.new_bool(true));
        }
    }
    Ok(vm.new_bool(false))
}

fn union_getattro(
    vm: &VM,
    zelf: &PyObjectRef,
    name: &crate::objects::strobject::PyStrRef,
) -> PyResult {
    crate::python::abstract_::generic_getattr(vm, zelf, name)
}

pub(crate) fn init(vm: &VM) {
    let ty = crate::vm::new_static_type::<PyUnion>(
        &vm.types.type_type,
        "UnionType",
        Some(&vm.types.object_type),
        0,
    );
    let leaked: &'static PyTypeRef = Box::leak(Box::new(ty.clone()));
    UNION_TYPE.with(|t| t.set(Some(leaked)));
    let s = &ty.payload.slots;
    s.repr.set(Some(union_repr));
    s.richcompare.set(Some(union_richcompare));
    s.hash.set(Some(union_hash));
    s.getattro.set(Some(union_getattro));
    s.nb_binary[NumberOp::Or as usize].set(Some(union_or));
    vm.add_getset(&ty, "__args__", union_args, None);
    vm.add_getset(&ty, "__parameters__", union_parameters, None);
    vm.add_method(&ty, "__instancecheck__", union_instancecheck);
    vm.add_method(&ty, "__subclasscheck__", union_subclasscheck);
    vm.add_class_attr(&ty, "__module__", vm.new_str_obj("types"));
    vm.types.type_type.payload.slots.nb_binary[NumberOp::Or as usize].set(Some(union_or));
    super::typeobject_wrappers::ready_static_type(vm, &ty);
}

/// The `types.UnionType` type object (for the `types` module).
pub fn union_type_object(vm: &VM) -> PyTypeRef {
    union_type(vm)
}
