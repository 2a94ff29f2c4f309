//! Wrapper descriptors for the slots of builtin types (CPython's
//! typeobject.c `add_operators`, the `wrap_*` functions and
//! `tp_new_wrapper`), and the readying of builtin types at start-up
//! (`PyType_Ready`'s slot inheritance and subclass registration).
//!
//! A wrapper descriptor always calls the slot of the type that defines it
//! (its objclass), never the slot of the instance's type, so
//! `int.__add__(x, y)` and `super().__add__(y)` reach int's own addition
//! even from a subclass that overrides `__add__`.

#![allow(unpredictable_function_pointer_comparisons)]

use crate::object::{PyObjectRef, PyRef, PyTypeRef};
use crate::objects::methodobject::{
    MethodKind, NativeFn, PyBuiltinFunction, PyMethodDescr, SlotWrapper,
};
use crate::objects::strobject::PyStr;
use crate::objects::tupleobject::PyTupleRef;
use crate::objects::typeobject::typeobject_slots::{self as slots, is_set, slotdefs, Which};
use crate::objects::typeobject::{CompareOp, NumberOp, PyType, NUMBER_OPS};
use crate::python::abstract_::{generic_getattr, generic_setattr};
use crate::{PyResult, VM};

fn missing_slot(vm: &VM) -> crate::PyBaseExceptionRef {
    vm.new_system_error("wrapper descriptor for a missing slot")
}

/// The `__divmod__` (`arg` 0) / `__rdivmod__` (`arg` 1) slot wrapper of a
/// number type whose division is `f(a, b)`.
pub(crate) fn wrap_divmod_with(
    vm: &VM,
    arg: u32,
    args: &[PyObjectRef],
    kw: Option<&PyTupleRef>,
    f: fn(&VM, &PyObjectRef, &PyObjectRef) -> PyResult,
) -> PyResult {
    let name = if arg == 0 {
        "__divmod__"
    } else {
        "__rdivmod__"
    };
    let a = nargs(vm, args, kw, name, 1, 1)?;
    if arg == 0 {
        f(vm, &args[0], &a[0])
    } else {
        f(vm, &a[0], &args[0])
    }
}

/// Checks the argument count of a wrapper (`check_num_args`) and that no
/// keywords were passed.
pub(crate) fn nargs<'a>(
    vm: &VM,
    args: &'a [PyObjectRef],
    kw: Option<&PyTupleRef>,
    name: &str,
    min: usize,
    max: usize,
) -> PyResult<&'a [PyObjectRef]> {
    nargs_as(vm, args, kw, name, min, max, "")
}

/// `nargs` for the wrappers that unpack their arguments with
/// `PyArg_UnpackTuple(args, "", ...)` (ternary `__pow__`, the sequence
/// `__mul__`): the empty function name leaves a space in front.
fn nargs_unpack<'a>(
    vm: &VM,
    args: &'a [PyObjectRef],
    kw: Option<&PyTupleRef>,
    name: &str,
    min: usize,
    max: usize,
) -> PyResult<&'a [PyObjectRef]> {
    nargs_as(vm, args, kw, name, min, max, " ")
}

fn nargs_as<'a>(
    vm: &VM,
    args: &'a [PyObjectRef],
    kw: Option<&PyTupleRef>,
    name: &str,
    min: usize,
    max: usize,
    lead: &str,
) -> PyResult<&'a [PyObjectRef]> {
    if kw.is_some_and(|k| !k.payload.is_empty()) {
        return Err(vm.new_type_error(format!("wrapper {name}() takes no keyword arguments")));
    }
    let n = args.len() - 1;
    if n < min || n > max {
        let want = if n < min { min } else { max };
        return Err(vm.new_type_error(if min == max {
            format!(
                "{lead}expected {want} argument{}, got {n}",
                if want == 1 { "" } else { "s" }
            )
        } else if n < min {
            format!(
                "{lead}expected at least {min} argument{}, got {n}",
                if min == 1 { "" } else { "s" }
            )
        } else {
            format!(
                "{lead}expected at most {max} argument{}, got {n}",
                if max == 1 { "" } else { "s" }
            )
        }));
    }
    Ok(&args[1..])
}

const UNARY_NAMES: [&str; 10] = [
    "__repr__",
    "__str__",
    "__iter__",
    "__neg__",
    "__pos__",
    "__invert__",
    "__abs__",
    "__int__",
    "__float__",
    "__index__",
];

pub fn wrap_unary(
    vm: &VM,
    t: &PyTypeRef,
    arg: u32,
    args: &[PyObjectRef],
    kw: Option<&PyTupleRef>,
) -> PyResult {
    let name = UNARY_NAMES.get(arg as usize).copied().unwrap_or("?");
    nargs(vm, args, kw, name, 0, 0)?;
    let s = &t.payload.slots;
    let f = match arg {
        0 => s.repr.get(),
        1 => s.str.get(),
        2 => s.iter.get(),
        3 => s.nb_negative.get(),
        4 => s.nb_positive.get(),
        5 => s.nb_invert.get(),
        6 => s.nb_absolute.get(),
        7 => s.nb_int.get(),
        8 => s.nb_float.get(),
        _ => s.nb_index.get(),
    };
    f.ok_or_else(|| missing_slot(vm))?(vm, &args[0])
}

pub fn wrap_hash(
    vm: &VM,
    t: &PyTypeRef,
    _arg: u32,
    args: &[PyObjectRef],
    kw: Option<&PyTupleRef>,
) -> PyResult {
    nargs(vm, args, kw, "__hash__", 0, 0)?;
    let f = t.payload.slots.hash.get().ok_or_else(|| {
        vm.new_type_error(format!(
            "unhashable type: '{}'",
            args[0].class().name_string()
        ))
    })?;
    Ok(vm.new_int(f(vm, &args[0])?))
}

pub fn wrap_richcmp(
    vm: &VM,
    t: &PyTypeRef,
    arg: u32,
    args: &[PyObjectRef],
    kw: Option<&PyTupleRef>,
) -> PyResult {
    let op = CompareOp::from_index(arg);
    let a = nargs(vm, args, kw, op.dunder(), 1, 1)?;
    let f = t
        .payload
        .slots
        .richcompare
        .get()
        .ok_or_else(|| missing_slot(vm))?;
    f(vm, &args[0], &a[0], op)
}

fn attr_name(vm: &VM, v: &PyObjectRef) -> PyResult<crate::objects::strobject::PyStrRef> {
    v.clone().downcast::<PyStr>().map_err(|o| {
        vm.new_type_error(format!(
            "attribute name must be string, not '{}'",
            o.class().name_string()
        ))
    })
}

pub fn wrap_getattr(
    vm: &VM,
    t: &PyTypeRef,
    _arg: u32,
    args: &[PyObjectRef],
    kw: Option<&PyTupleRef>,
) -> PyResult {
    let a = nargs(vm, args, kw, "__getattribute__", 1, 1)?;
    let name = attr_name(vm, &a[0])?;
    match t.payload.slots.getattro.get() {
        Some(f) => f(vm, &args[0], &name),
        None => generic_getattr(vm, &args[0], &name),
    }
}

/// Refuses `object.__setattr__(int, ...)`-style calls that would bypass
/// the setattro of the instance's builtin type (CPython's `hackcheck`).
fn hackcheck(vm: &VM, obj: &PyObjectRef, t: &PyTypeRef, what: &str) -> PyResult<()> {
    let mut defining = obj.class().clone();
    while defining.payload.is_heap_type() {
        let b = defining.payload.base.borrow().clone();
        match b {
            Some(b) => defining = b,
            None => break,
        }
    }
    let a = defining.payload.slots.setattro.get();
    let b = t.payload.slots.setattro.get();
    if a.is_some() && a != b {
        return Err(vm.new_type_error(format!(
            "can't apply this {what} to {} object",
            defining.name_string()
        )));
    }
    Ok(())
}

pub fn wrap_setattr(
    vm: &VM,
    t: &PyTypeRef,
    _arg: u32,
    args: &[PyObjectRef],
    kw: Option<&PyTupleRef>,
) -> PyResult {
    let a = nargs_unpack(vm, args, kw, "__setattr__", 2, 2)?;
    let name = attr_name(vm, &a[0])?;
    hackcheck(vm, &args[0], t, "__setattr__")?;
    match t.payload.slots.setattro.get() {
        Some(f) => f(vm, &args[0], &name, Some(a[1].clone()))?,
        None => generic_setattr(vm, &args[0], &name, Some(a[1].clone()))?,
    }
    Ok(vm.none())
}

pub fn wrap_delattr(
    vm: &VM,
    t: &PyTypeRef,
    _arg: u32,
    args: &[PyObjectRef],
    kw: Option<&PyTupleRef>,
) -> PyResult {
    let a = nargs(vm, args, kw, "__delattr__", 1, 1)?;
    let name = attr_name(vm, &a[0])?;
    hackcheck(vm, &args[0], t, "__delattr__")?;
    match t.payload.slots.setattro.get() {
        Some(f) => f(vm, &args[0], &name, None)?,
        None => generic_setattr(vm, &args[0], &name, None)?,
    }
    Ok(vm.none())
}

pub fn wrap_call(
    vm: &VM,
    t: &PyTypeRef,
    _arg: u32,
    args: &[PyObjectRef],
    kw: Option<&PyTupleRef>,
) -> PyResult {
    let f = t.payload.slots.call.get().ok_or_else(|| missing_slot(vm))?;
    f(vm, &args[0], &args[1..], kw)
}

pub fn wrap_next(
    vm: &VM,
    t: &PyTypeRef,
    _arg: u32,
    args: &[PyObjectRef],
    kw: Option<&PyTupleRef>,
) -> PyResult {
    nargs(vm, args, kw, "__next__", 0, 0)?;
    let f = t
        .payload
        .slots
        .iternext
        .get()
        .ok_or_else(|| missing_slot(vm))?;
    match f(vm, &args[0])? {
        Some(v) => Ok(v),
        None => Err(vm.new_stop_iteration(None)),
    }
}

pub fn wrap_descr_get(
    vm: &VM,
    t: &PyTypeRef,
    _arg: u32,
    args: &[PyObjectRef],
    kw: Option<&PyTupleRef>,
) -> PyResult {
    let a = nargs_unpack(vm, args, kw, "__get__", 1, 2)?;
    let obj = Some(&a[0]).filter(|o| !vm.is_none(o));
    let cls = a.get(1).filter(|o| !vm.is_none(o));
    if obj.is_none() && cls.is_none() {
        return Err(vm.new_type_error("__get__(None, None) is invalid"));
    }
    let f = t
        .payload
        .slots
        .descr_get
        .get()
        .ok_or_else(|| missing_slot(vm))?;
    f(vm, &args[0], obj, cls)
}

pub fn wrap_descr_set(
    vm: &VM,
    t: &PyTypeRef,
    _arg: u32,
    args: &[PyObjectRef],
    kw: Option<&PyTupleRef>,
) -> PyResult {
    let a = nargs_unpack(vm, args, kw, "__set__", 2, 2)?;
    let f = t
        .payload
        .slots
        .descr_set
        .get()
        .ok_or_else(|| missing_slot(vm))?;
    f(vm, &args[0], &a[0], Some(a[1].clone()))?;
    Ok(vm.none())
}

pub fn wrap_descr_delete(
    vm: &VM,
    t: &PyTypeRef,
    _arg: u32,
    args: &[PyObjectRef],
    kw: Option<&PyTupleRef>,
) -> PyResult {
    let a = nargs(vm, args, kw, "__delete__", 1, 1)?;
    let f = t
        .payload
        .slots
        .descr_set
        .get()
        .ok_or_else(|| missing_slot(vm))?;
    f(vm, &args[0], &a[0], None)?;
    Ok(vm.none())
}

pub fn wrap_init(
    vm: &VM,
    t: &PyTypeRef,
    _arg: u32,
    args: &[PyObjectRef],
    kw: Option<&PyTupleRef>,
) -> PyResult {
    let f = t.payload.slots.init.get().ok_or_else(|| missing_slot(vm))?;
    f(vm, &args[0], &args[1..], kw)?;
    Ok(vm.none())
}

/// `type.__add__(self, other)` and `type.__radd__(self, other)`: the same
/// slot, with the operands in source order for the reflected form.
fn wrap_binary(
    vm: &VM,
    t: &PyTypeRef,
    arg: u32,
    args: &[PyObjectRef],
    kw: Option<&PyTupleRef>,
    reflected: bool,
) -> PyResult {
    let op = NUMBER_OPS[arg as usize % 13];
    let name = if reflected { op.rdunder() } else { op.dunder() };
    if op == NumberOp::Multiply && is_repeatable(vm, t) {
        return wrap_repeat(vm, t, name, args, kw);
    }
    let a = if op == NumberOp::Power {
        nargs_unpack(vm, args, kw, name, 1, 2)?
    } else {
        nargs(vm, args, kw, name, 1, 1)?
    };
    let (lhs, rhs) = if reflected {
        (&a[0], &args[0])
    } else {
        (&args[0], &a[0])
    };
    if let Some(m) = a.get(1).filter(|m| !vm.is_none(m)) {
        return match t.payload.slots.nb_power_mod.get() {
            Some(f) => f(vm, lhs, rhs, m),
            None => Ok(vm.not_implemented()),
        };
    }
    let f = t.payload.slots.nb_binary[op as usize]
        .get()
        .ok_or_else(|| missing_slot(vm))?;
    f(vm, lhs, rhs)
}

/// Puts a `wrapper_descriptor` `name` calling `call` into the builtin type
/// `ty`'s dict, for the dunders of slots Rython keeps as plain functions
/// (`__divmod__`, `__rdivmod__`).
pub fn add_slot_wrapper(
    vm: &VM,
    ty: &PyTypeRef,
    name: &'static str,
    call: crate::objects::methodobject::WrapperFn,
    arg: u32,
) {
    let d = PyRef::new_exact(
        PyMethodDescr {
            name,
            func: no_native,
            objclass: ty.clone(),
            kind: MethodKind::Instance,
            doc: None,
            slot: Some(SlotWrapper { call, arg }),
        },
        vm.types.wrapper_descriptor_type.clone(),
    );
    ty.payload.dict.set_str(vm, name, d.into_object());
}

/// The builtin sequences whose `__mul__`/`__rmul__` are CPython's
/// `sq_repeat` wrappers.
fn is_repeatable(vm: &VM, t: &PyTypeRef) -> bool {
    let ty = &vm.types;
    [
        &ty.list_type,
        &ty.tuple_type,
        &ty.str_type,
        &ty.bytes_type,
        &ty.bytearray_type,
    ]
    .iter()
    .any(|s| t.is(s))
}

/// `seq.__mul__(n)` and `seq.__rmul__(n)` (`wrap_indexargfunc`): `n` must
/// be an index fitting a Py_ssize_t; both repeat `self`.
fn wrap_repeat(
    vm: &VM,
    t: &PyTypeRef,
    name: &str,
    args: &[PyObjectRef],
    kw: Option<&PyTupleRef>,
) -> PyResult {
    let a = nargs_unpack(vm, args, kw, name, 1, 1)?;
    let n = ssize_arg(vm, &a[0])?;
    let f = t.payload.slots.nb_binary[NumberOp::Multiply as usize]
        .get()
        .ok_or_else(|| missing_slot(vm))?;
    f(vm, &args[0], &vm.new_int(n))
}

/// `PyNumber_AsSsize_t(o, PyExc_OverflowError)`.
fn ssize_arg(vm: &VM, o: &PyObjectRef) -> PyResult<i64> {
    let i = vm.to_index(o)?;
    match i.downcast_ref::<crate::objects::longobject::PyInt>() {
        Some(crate::objects::longobject::PyInt::Small(v)) => Ok(*v),
        _ => Err(vm.new_overflow_error(format!(
            "cannot fit '{}' into an index-sized integer",
            o.class().name_string()
        ))),
    }
}

pub fn wrap_binary_l(
    vm: &VM,
    t: &PyTypeRef,
    arg: u32,
    args: &[PyObjectRef],
    kw: Option<&PyTupleRef>,
) -> PyResult {
    wrap_binary(vm, t, arg, args, kw, false)
}

pub fn wrap_binary_r(
    vm: &VM,
    t: &PyTypeRef,
    arg: u32,
    args: &[PyObjectRef],
    kw: Option<&PyTupleRef>,
) -> PyResult {
    wrap_binary(vm, t, arg, args, kw, true)
}

pub fn wrap_inplace(
    vm: &VM,
    t: &PyTypeRef,
    arg: u32,
    args: &[PyObjectRef],
    kw: Option<&PyTupleRef>,
) -> PyResult {
    let op = NUMBER_OPS[arg as usize % 13];
    let a = if op == NumberOp::Multiply && is_repeatable(vm, t) {
        // `sq_inplace_repeat`: an index fitting a Py_ssize_t.
        let a = nargs_unpack(vm, args, kw, op.idunder(), 1, 1)?;
        vec![vm.new_int(ssize_arg(vm, &a[0])?)]
    } else {
        nargs(vm, args, kw, op.idunder(), 1, 1)?.to_vec()
    };
    let f = t.payload.slots.nb_inplace[op as usize]
        .get()
        .ok_or_else(|| missing_slot(vm))?;
    f(vm, &args[0], &a[0])
}

pub fn wrap_bool(
    vm: &VM,
    t: &PyTypeRef,
    _arg: u32,
    args: &[PyObjectRef],
    kw: Option<&PyTupleRef>,
) -> PyResult {
    nargs(vm, args, kw, "__bool__", 0, 0)?;
    let f = t
        .payload
        .slots
        .nb_bool
        .get()
        .ok_or_else(|| missing_slot(vm))?;
    Ok(vm.new_bool(f(vm, &args[0])?))
}

pub fn wrap_len(
    vm: &VM,
    t: &PyTypeRef,
    _arg: u32,
    args: &[PyObjectRef],
    kw: Option<&PyTupleRef>,
) -> PyResult {
    nargs(vm, args, kw, "__len__", 0, 0)?;
    let f = t.payload.slots.len.get().ok_or_else(|| missing_slot(vm))?;
    Ok(vm.new_int(f(vm, &args[0])? as i64))
}

pub fn wrap_contains(
    vm: &VM,
    t: &PyTypeRef,
    _arg: u32,
    args: &[PyObjectRef],
    kw: Option<&PyTupleRef>,
) -> PyResult {
    let a = nargs(vm, args, kw, "__contains__", 1, 1)?;
    let f = t
        .payload
        .slots
        .contains
        .get()
        .ok_or_else(|| missing_slot(vm))?;
    Ok(vm.new_bool(f(vm, &args[0], &a[0])?))
}

pub fn wrap_getitem(
    vm: &VM,
    t: &PyTypeRef,
    _arg: u32,
    args: &[PyObjectRef],
    kw: Option<&PyTupleRef>,
) -> PyResult {
    let a = nargs(vm, args, kw, "__getitem__", 1, 1)?;
    let f = t
        .payload
        .slots
        .getitem
        .get()
        .ok_or_else(|| missing_slot(vm))?;
    f(vm, &args[0], &a[0])
}

pub fn wrap_setitem(
    vm: &VM,
    t: &PyTypeRef,
    _arg: u32,
    args: &[PyObjectRef],
    kw: Option<&PyTupleRef>,
) -> PyResult {
    let a = nargs_unpack(vm, args, kw, "__setitem__", 2, 2)?;
    let f = t
        .payload
        .slots
        .setitem
        .get()
        .ok_or_else(|| missing_slot(vm))?;
    f(vm, &args[0], &a[0], Some(a[1].clone()))?;
    Ok(vm.none())
}

pub fn wrap_delitem(
    vm: &VM,
    t: &PyTypeRef,
    _arg: u32,
    args: &[PyObjectRef],
    kw: Option<&PyTupleRef>,
) -> PyResult {
    let a = nargs(vm, args, kw, "__delitem__", 1, 1)?;
    let f = t
        .payload
        .slots
        .setitem
        .get()
        .ok_or_else(|| missing_slot(vm))?;
    f(vm, &args[0], &a[0], None)?;
    Ok(vm.none())
}

/// `T.__new__(S, *args)`: the builtin `__new__` of type `T` (bound as
/// `self_`), which refuses subtypes whose nearest builtin base allocates
/// differently.
pub fn tp_new_wrapper(vm: &VM, args: &[PyObjectRef], kw: Option<&PyTupleRef>) -> PyResult {
    let t = args
        .first()
        .and_then(|a| a.clone().downcast::<PyType>().ok())
        .ok_or_else(|| vm.new_system_error("__new__ wrapper without a type"))?;
    let tname = t.name_string();
    let nkw = kw.map(|k| k.payload.len()).unwrap_or(0);
    if args.len() - nkw < 2 {
        return Err(vm.new_type_error(format!("{tname}.__new__(): not enough arguments")));
    }
    let sub = args[1].clone().downcast::<PyType>().map_err(|o| {
        vm.new_type_error(format!(
            "{tname}.__new__(X): X is not a type object ({})",
            o.class().name_string()
        ))
    })?;
    let sname = sub.name_string();
    if !sub.is_subtype(&t) {
        return Err(vm.new_type_error(format!(
            "{tname}.__new__({sname}): {sname} is not a subtype of {tname}"
        )));
    }
    let mut staticbase = Some(sub.clone());
    while let Some(sb) = staticbase.clone() {
        if slots::is_slot_tp_new(sb.payload.slots.new.get()) {
            staticbase = sb.payload.base.borrow().clone();
        } else {
            break;
        }
    }
    if let Some(sb) = staticbase {
        if sb.payload.slots.new.get() != t.payload.slots.new.get() {
            return Err(vm.new_type_error(format!(
                "{tname}.__new__({sname}) is not safe, use {}.__new__()",
                sb.name_string()
            )));
        }
    }
    let f = t.payload.slots.new.get().ok_or_else(|| missing_slot(vm))?;
    f(vm, &sub, &args[2..], kw)
}

/// Adds wrapper descriptors for the slots `ty` itself fills and `__new__`
/// (CPython's `add_operators` and `add_tp_new_wrapper`).
pub fn add_operators(vm: &VM, ty: &PyTypeRef) {
    let s = &ty.payload.slots;
    let dict = &ty.payload.dict;
    for def in slotdefs() {
        if !is_set(def.which, s) {
            continue;
        }
        for &(name, call, arg) in &def.wrappers {
            if dict.get_str_name(vm, name).is_some() {
                continue;
            }
            // A builtin sequence's `+` is CPython's `sq_concat`, which gives
            // `__add__` only.
            if name == "__radd__" && is_repeatable(vm, ty) {
                continue;
            }
            let d = PyRef::new_exact(
                PyMethodDescr {
                    name,
                    func: no_native,
                    objclass: ty.clone(),
                    kind: MethodKind::Instance,
                    doc: None,
                    slot: Some(SlotWrapper { call, arg }),
                },
                vm.types.wrapper_descriptor_type.clone(),
            );
            dict.set_str(vm, name, d.into_object());
        }
    }
    if s.new.get().is_some() && dict.get_str_name(vm, "__new__").is_none() {
        let f = PyRef::new_exact(
            PyBuiltinFunction {
                name: "__new__",
                func: tp_new_wrapper as NativeFn,
                self_: Some(ty.clone().into_object()),
                pass_self: true,
                doc: None,
            },
            vm.types.builtin_function_type.clone(),
        );
        dict.set_str(vm, "__new__", f.into_object());
    }
    // A type that compares but does not hash is unhashable, visibly so.
    if s.richcompare.get().is_some()
        && s.hash.get().is_none()
        && dict.get_str_name(vm, "__hash__").is_none()
    {
        dict.set_str(vm, "__hash__", vm.none());
    }
}

fn no_native(vm: &VM, _args: &[PyObjectRef], _kw: Option<&PyTupleRef>) -> PyResult {
    Err(missing_slot(vm))
}

/// `inherit_slots` for a builtin type: every slot it left empty comes from
/// its base, except that `__hash__` follows `__eq__` (a type defining
/// comparison keeps its own hash decision) and `__new__` is not inherited
/// from `object` (such types cannot be instantiated, as in CPython).
pub fn inherit_slots(vm: &VM, ty: &PyTypeRef) {
    let Some(base) = ty.payload.base.borrow().clone() else {
        return;
    };
    let s = &ty.payload.slots;
    let bs = &base.payload.slots;
    let hash_pair_empty = s.richcompare.get().is_none() && s.hash.get().is_none();
    for def in slotdefs() {
        let w = def.which;
        if is_set(w, s) {
            continue;
        }
        match w {
            Which::Hash | Which::RichCompare if !hash_pair_empty => continue,
            Which::New if base.is(&vm.types.object_type) => continue,
            _ => {}
        }
        slots::copy_slot(w, s, bs);
    }
}

/// Every builtin type, bases before subclasses.
fn all_builtin_types(vm: &VM) -> Vec<PyTypeRef> {
    let t = &vm.types;
    let mut v: Vec<PyTypeRef> = vec![
        t.type_type.clone(),
        t.object_type.clone(),
        t.none_type.clone(),
        t.notimplemented_type.clone(),
        t.ellipsis_type.clone(),
        t.int_type.clone(),
        t.bool_type.clone(),
        t.float_type.clone(),
        t.complex_type.clone(),
        t.str_type.clone(),
        t.bytes_type.clone(),
        t.bytearray_type.clone(),
        t.list_type.clone(),
        t.tuple_type.clone(),
        t.dict_type.clone(),
        t.set_type.clone(),
        t.frozenset_type.clone(),
        t.range_type.clone(),
        t.slice_type.clone(),
        t.function_type.clone(),
        t.builtin_function_type.clone(),
        t.method_descriptor_type.clone(),
        t.classmethod_descriptor_type.clone(),
        t.wrapper_descriptor_type.clone(),
        t.method_wrapper_type.clone(),
        t.getset_descriptor_type.clone(),
        t.member_descriptor_type.clone(),
        t.bound_method_type.clone(),
        t.code_type.clone(),
        t.cell_type.clone(),
        t.module_type.clone(),
        t.frame_type.clone(),
        t.traceback_type.clone(),
        t.generator_type.clone(),
        t.coroutine_type.clone(),
        t.async_generator_type.clone(),
        t.coroutine_wrapper_type.clone(),
        t.async_gen_asend_type.clone(),
        t.async_gen_athrow_type.clone(),
        t.async_gen_wrapped_value_type.clone(),
        t.property_type.clone(),
        t.staticmethod_type.clone(),
        t.classmethod_type.clone(),
        t.super_type.clone(),
        t.mappingproxy_type.clone(),
        t.list_iterator_type.clone(),
        t.list_reverseiterator_type.clone(),
        t.tuple_iterator_type.clone(),
        t.range_iterator_type.clone(),
        t.str_iterator_type.clone(),
        t.bytes_iterator_type.clone(),
        t.bytearray_iterator_type.clone(),
        t.memoryview_type.clone(),
        t.memory_iterator_type.clone(),
        t.seq_iterator_type.clone(),
        t.callable_iterator_type.clone(),
        t.dict_keys_type.clone(),
        t.dict_values_type.clone(),
        t.dict_items_type.clone(),
        t.dict_keyiterator_type.clone(),
        t.dict_valueiterator_type.clone(),
        t.dict_itemiterator_type.clone(),
        t.set_iterator_type.clone(),
        t.enumerate_type.clone(),
        t.reversed_type.clone(),
        t.zip_type.clone(),
        t.map_type.clone(),
        t.filter_type.clone(),
        t.exception_group_type.clone(),
    ];
    v.extend(t.exc.all().into_iter().map(|(_, ty)| ty));
    // A base's MRO is strictly shorter than its subclasses'.
    v.sort_by_key(|ty| ty.payload.mro.borrow().len());
    v
}

/// Readies one builtin type created after start-up (its base must already
/// be ready): wrapper descriptors, slot inheritance, subclass link.
pub fn ready_static_type(vm: &VM, ty: &PyTypeRef) {
    add_operators(vm, ty);
    inherit_slots(vm, ty);
    ty.assign_version_tag();
    for b in ty.payload.bases.borrow().iter() {
        let mut subs = b.payload.subclasses.borrow_mut();
        if !subs.iter().any(|s| s.is(ty)) {
            subs.push(ty.clone());
        }
    }
}

pub(crate) fn ready_builtin_types(vm: &VM) {
    for ty in all_builtin_types(vm) {
        ready_static_type(vm, &ty);
    }
}
