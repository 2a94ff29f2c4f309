//! `bool` (CPython's Objects/boolobject.c): an `int` subtype with exactly
//! two instances, `True` and `False`.

use crate::object::{PyObjectRef, PyTypeRef};
use crate::objects::longobject::PyInt;
use crate::objects::tupleobject::PyTupleRef;
use crate::objects::typeobject::{BinaryFn, NumberOp, NUMBER_OPS};
use crate::{PyResult, VM};

fn bool_repr(vm: &VM, a: &PyObjectRef) -> PyResult {
    let s = if a.is(&vm.ctx.true_obj) {
        "True"
    } else {
        "False"
    };
    Ok(vm.intern(s).into_object())
}

fn bool_new(
    vm: &VM,
    _cls: &PyTypeRef,
    args: &[PyObjectRef],
    kwnames: Option<&PyTupleRef>,
) -> PyResult {
    if kwnames.is_some_and(|k| !k.payload.is_empty()) {
        return Err(vm.new_type_error("bool() takes no keyword arguments"));
    }
    match args {
        [] => Ok(vm.new_bool(false)),
        [x] => Ok(vm.new_bool(vm.is_true(x)?)),
        _ => Err(vm.new_type_error(format!(
            "bool expected at most 1 argument, got {}",
            args.len()
        ))),
    }
}

fn is_bool(vm: &VM, a: &PyObjectRef) -> bool {
    a.class().is(&vm.types.bool_type)
}

macro_rules! bool_bitop {
    ($name:ident, $op:tt, $intop:path) => {
        fn $name(vm: &VM, a: &PyObjectRef, b: &PyObjectRef) -> PyResult {
            if is_bool(vm, a) && is_bool(vm, b) {
                let x = a.is(&vm.ctx.true_obj);
                let y = b.is(&vm.ctx.true_obj);
                return Ok(vm.new_bool(x $op y));
            }
            $intop(vm, a, b)
        }
    };
}

use crate::objects::longobject::long_ops;

/// `~b`: the int inversion, deprecated for bool (3.12+).
fn bool_invert(vm: &VM, a: &PyObjectRef) -> PyResult {
    vm.warn_deprecated(
        "Bitwise inversion '~' on bool is deprecated and will be removed in Python 3.16. \
         This returns the bitwise inversion of the underlying int object and is usually not \
         what you expect from negating a bool. Use the 'not' operator for boolean negation or \
         ~int(x) if you really want the bitwise inversion of the underlying int.",
    )?;
    long_ops::int_invert(vm, a)
}

bool_bitop!(bool_and, &, long_ops::int_and);
bool_bitop!(bool_or, |, long_ops::int_or);
bool_bitop!(bool_xor, ^, long_ops::int_xor);

/// Fills the slots and methods of `bool`; runs after `int`'s are set, as
/// bool inherits every number slot it does not override.
pub(crate) fn init(vm: &VM) {
    let int_slots = &vm.types.int_type.payload.slots;
    let s = &vm.types.bool_type.payload.slots;
    for op in NUMBER_OPS {
        s.nb_binary[op as usize].set(int_slots.nb_binary[op as usize].get());
    }
    s.hash.set(int_slots.hash.get());
    s.richcompare.set(int_slots.richcompare.get());
    s.nb_power_mod.set(int_slots.nb_power_mod.get());
    s.nb_negative.set(int_slots.nb_negative.get());
    s.nb_positive.set(int_slots.nb_positive.get());
    s.nb_absolute.set(int_slots.nb_absolute.get());
    s.nb_invert.set(Some(bool_invert));
    s.nb_bool.set(int_slots.nb_bool.get());
    s.nb_int.set(int_slots.nb_int.get());
    s.nb_index.set(int_slots.nb_index.get());
    s.nb_float.set(int_slots.nb_float.get());
    s.repr.set(Some(bool_repr));
    s.new.set(Some(bool_new));
    let set = |op: NumberOp, f: BinaryFn| s.nb_binary[op as usize].set(Some(f));
    set(NumberOp::And, bool_and);
    set(NumberOp::Or, bool_or);
    set(NumberOp::Xor, bool_xor);
    let _ = PyInt::Small(0);
}
