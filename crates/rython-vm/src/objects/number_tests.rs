//! Tests of int, bool, float and complex through the VM API; expected
//! strings come from CPython 3.13.

use crate::object::PyObjectRef;
use crate::objects::descrobject::PyGetSetDescr;
use crate::objects::longobject::PyInt;
use crate::objects::methodobject::PyMethodDescr;
use crate::objects::strobject::PyStr;
use crate::objects::tupleobject::PyTuple;
use crate::objects::typeobject::{CompareOp, NumberOp};
use crate::python::abstract_::UnaryOp;
use crate::{PyResult, VM};

pub(crate) fn vm() -> VM {
    VM::new(Default::default()).unwrap()
}

pub(crate) fn show(vm: &VM, r: PyResult) -> String {
    match r {
        Ok(o) => repr(vm, &o),
        Err(e) => {
            let args = e.payload.args.borrow().clone();
            let msg = match args.payload.as_slice() {
                [one] => match one.downcast_ref::<PyStr>() {
                    Some(s) => s.as_str().to_string(),
                    None => repr(vm, one),
                },
                items => format!(
                    "({})",
                    items
                        .iter()
                        .map(|i| repr(vm, i))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            };
            format!("{}: {}", e.as_object().class().name_string(), msg)
        }
    }
}

pub(crate) fn repr(vm: &VM, o: &PyObjectRef) -> String {
    if let Some(t) = o.downcast_ref::<PyTuple>() {
        let items: Vec<String> = t.as_slice().iter().map(|i| repr(vm, i)).collect();
        if items.len() == 1 {
            return format!("({},)", items[0]);
        }
        return format!("({})", items.join(", "));
    }
    if let Some(s) = o.downcast_ref::<PyStr>() {
        return format!("'{}'", s.as_str());
    }
    if let Some(b) = o.downcast_ref::<crate::objects::bytesobject::PyBytes>() {
        return rython_common::repr_str::repr_bytes(b.as_bytes());
    }
    vm.repr_string(o).unwrap()
}

pub(crate) fn int(vm: &VM, v: i64) -> PyObjectRef {
    vm.new_int(v)
}

pub(crate) fn big(vm: &VM, s: &str) -> PyObjectRef {
    vm.new_bigint(s.parse().unwrap())
}

pub(crate) fn pow2(vm: &VM, e: u32) -> PyObjectRef {
    vm.new_bigint(num_bigint::BigInt::from(1) << e)
}

pub(crate) fn fl(vm: &VM, v: f64) -> PyObjectRef {
    vm.new_float(v)
}

pub(crate) fn s(vm: &VM, v: &str) -> PyObjectRef {
    vm.new_str_obj(v)
}

pub(crate) fn bin(vm: &VM, a: &PyObjectRef, op: NumberOp, b: &PyObjectRef) -> String {
    show(vm, vm.binary_op(a, b, op))
}

pub(crate) fn cmp(vm: &VM, a: &PyObjectRef, op: CompareOp, b: &PyObjectRef) -> String {
    show(vm, vm.rich_compare(a, b, op))
}

/// Calls `type(obj).name(obj, *args)` through the method descriptor.
pub(crate) fn meth(vm: &VM, obj: &PyObjectRef, name: &str, args: &[PyObjectRef]) -> String {
    let d = obj.class().lookup_str(vm, name).expect(name);
    if let Some(g) = d.downcast_ref::<PyGetSetDescr>() {
        return show(vm, (g.getter)(vm, obj));
    }
    if let Some(g) = d
        .downcast_ref::<crate::objects::descrobject::PyMemberDescr>()
        .and_then(|m| m.getter)
    {
        return show(vm, g(vm, obj));
    }
    let m = d.downcast_ref::<PyMethodDescr>().expect(name);
    let mut full = vec![obj.clone()];
    full.extend_from_slice(args);
    if let Some(w) = m.slot {
        return show(vm, (w.call)(vm, &m.objclass, w.arg, &full, None));
    }
    show(vm, (m.func)(vm, &full, None))
}

/// Calls a classmethod of `ty` natively.
pub(crate) fn cmeth(
    vm: &VM,
    ty: &crate::object::PyTypeRef,
    name: &str,
    args: &[PyObjectRef],
) -> String {
    let d = ty.lookup_str(vm, name).expect(name);
    let m = d.downcast_ref::<PyMethodDescr>().expect(name);
    let mut full = vec![ty.as_object().clone()];
    full.extend_from_slice(args);
    show(vm, (m.func)(vm, &full, None))
}

pub(crate) fn new(vm: &VM, ty: &crate::object::PyTypeRef, args: &[PyObjectRef]) -> String {
    let f = ty.payload.slots.new.get().unwrap();
    show(vm, f(vm, ty, args, None))
}

#[test]
fn int_arithmetic() {
    let vm = vm();
    let v = &vm;
    use NumberOp::*;
    assert_eq!(
        bin(v, &int(v, 1), FloorDivide, &int(v, 0)),
        "ZeroDivisionError: integer division or modulo by zero"
    );
    assert_eq!(
        bin(v, &int(v, 1), Remainder, &int(v, 0)),
        "ZeroDivisionError: integer modulo by zero"
    );
    assert_eq!(
        bin(v, &int(v, 1), TrueDivide, &int(v, 0)),
        "ZeroDivisionError: division by zero"
    );
    assert_eq!(bin(v, &int(v, 7), FloorDivide, &int(v, -2)), "-4");
    assert_eq!(bin(v, &int(v, -7), Remainder, &int(v, 3)), "2");
    assert_eq!(
        bin(v, &int(v, i64::MIN), FloorDivide, &int(v, -1)),
        "9223372036854775808"
    );
    assert_eq!(bin(v, &int(v, i64::MIN), Remainder, &int(v, -1)), "0");
    assert_eq!(
        bin(v, &int(v, 2), Power, &int(v, 64)),
        "18446744073709551616"
    );
    assert_eq!(
        bin(v, &int(v, -2), Power, &int(v, 63)),
        "-9223372036854775808"
    );
    assert_eq!(bin(v, &int(v, 2), Power, &int(v, -1)), "0.5");
    assert_eq!(
        bin(v, &int(v, 0), Power, &int(v, -1)),
        "ZeroDivisionError: 0.0 cannot be raised to a negative power"
    );
    assert_eq!(bin(v, &int(v, 0), Power, &int(v, 0)), "1");
    assert_eq!(
        bin(v, &int(v, i64::MAX), Add, &int(v, 1)),
        "9223372036854775808"
    );
    assert_eq!(
        bin(v, &int(v, i64::MIN), Subtract, &int(v, 1)),
        "-9223372036854775809"
    );
    assert_eq!(
        bin(v, &int(v, 1 << 40), Multiply, &int(v, 1 << 40)),
        "1208925819614629174706176"
    );
    assert_eq!(
        bin(v, &int(v, 1), Lshift, &int(v, -1)),
        "ValueError: negative shift count"
    );
    assert_eq!(
        bin(v, &int(v, 1), Rshift, &int(v, -1)),
        "ValueError: negative shift count"
    );
    assert_eq!(
        bin(v, &int(v, 1), Lshift, &pow2(v, 70)),
        "OverflowError: too many digits in integer"
    );
    assert_eq!(bin(v, &int(v, -5), Rshift, &int(v, 1)), "-3");
    assert_eq!(bin(v, &int(v, -5), Rshift, &int(v, 100)), "-1");
    assert_eq!(
        bin(v, &big(v, "-100000000000000000000001"), Rshift, &int(v, 3)),
        "-12500000000000000000001"
    );
    assert_eq!(
        bin(v, &int(v, 3), Lshift, &int(v, 62)),
        "13835058055282163712"
    );
    assert_eq!(
        bin(
            v,
            &big(v, "-100000000000000000000001"),
            And,
            &int(v, 0xffff)
        ),
        "65535"
    );
    assert_eq!(
        bin(v, &big(v, "-100000000000000000000000"), Or, &int(v, 5)),
        "-99999999999999999999995"
    );
    assert_eq!(
        bin(v, &big(v, "100000000000000000000000"), Xor, &int(v, -1)),
        "-100000000000000000000001"
    );
    assert_eq!(
        show(
            v,
            v.unary_op(&big(v, "100000000000000000000000"), UnaryOp::Invert)
        ),
        "-100000000000000000000001"
    );
    assert_eq!(
        show(v, v.unary_op(&int(v, i64::MIN), UnaryOp::Negative)),
        "9223372036854775808"
    );
    assert_eq!(
        show(v, v.unary_op(&int(v, i64::MIN), UnaryOp::Absolute)),
        "9223372036854775808"
    );
    let d = crate::objects::longobject::int_divmod(v, &int(v, -7), &int(v, 2));
    assert_eq!(show(v, d), "(-4, 1)");
    let d = crate::objects::longobject::int_divmod(v, &int(v, 7), &int(v, -2));
    assert_eq!(show(v, d), "(-4, -1)");
}

#[test]
fn int_true_division_and_pow_mod() {
    let vm = vm();
    let v = &vm;
    use NumberOp::*;
    assert_eq!(bin(v, &int(v, 5), TrueDivide, &int(v, 2)), "2.5");
    assert_eq!(
        bin(v, &int(v, -1), TrueDivide, &int(v, 3)),
        "-0.3333333333333333"
    );
    let p53_1 = big(v, "9007199254740993");
    assert_eq!(bin(v, &p53_1, TrueDivide, &int(v, 1)), "9007199254740992.0");
    let a = pow2(v, 1000);
    let b = v.binary_op(&int(v, 3), &int(v, 500), Power).unwrap();
    assert_eq!(bin(v, &a, TrueDivide, &b), "2.9469197145111386e+62");
    let e400 = v.binary_op(&int(v, 10), &int(v, 400), Power).unwrap();
    assert_eq!(
        bin(v, &e400, TrueDivide, &int(v, 1)),
        "OverflowError: integer division result too large for a float"
    );
    let e20 = v.binary_op(&int(v, 10), &int(v, 20), Power).unwrap();
    let e18 = v.binary_op(&int(v, 10), &int(v, 18), Power).unwrap();
    assert_eq!(bin(v, &e20, TrueDivide, &e18), "100.0");
    assert_eq!(bin(v, &int(v, 0), TrueDivide, &int(v, -5)), "-0.0");
    let pm = |a: i64, b: i64, c: i64| {
        let f = v.types.int_type.payload.slots.nb_power_mod.get().unwrap();
        show(v, f(v, &int(v, a), &int(v, b), &int(v, c)))
    };
    assert_eq!(pm(2, -1, 5), "3");
    assert_eq!(
        pm(2, -1, 4),
        "ValueError: base is not invertible for the given modulus"
    );
    assert_eq!(pm(2, 3, 0), "ValueError: pow() 3rd argument cannot be 0");
    assert_eq!(pm(3, 4, -5), "-4");
    assert_eq!(pm(-3, 4, 5), "1");
    assert_eq!(pm(3, -2, -7), "-3");
    assert_eq!(pm(3, 0, 1), "0");
    assert_eq!(pm(3, 0, -1), "0");
}

#[test]
fn int_compare_hash_repr() {
    let vm = vm();
    let v = &vm;
    use CompareOp::*;
    let p53_1 = big(v, "9007199254740993");
    assert_eq!(cmp(v, &p53_1, Eq, &fl(v, 9007199254740992.0)), "False");
    assert_eq!(cmp(v, &p53_1, Gt, &fl(v, 9007199254740992.0)), "True");
    assert_eq!(cmp(v, &fl(v, 9007199254740992.0), Lt, &p53_1), "True");
    let e400 = v
        .binary_op(&int(v, 10), &int(v, 400), NumberOp::Power)
        .unwrap();
    assert_eq!(cmp(v, &e400, Gt, &fl(v, 1e308)), "True");
    assert_eq!(cmp(v, &e400, Lt, &fl(v, f64::INFINITY)), "True");
    assert_eq!(cmp(v, &int(v, 1), Eq, &fl(v, f64::NAN)), "False");
    assert_eq!(cmp(v, &int(v, 1), Ne, &fl(v, f64::NAN)), "True");
    assert_eq!(cmp(v, &int(v, 2), Lt, &fl(v, 2.5)), "True");
    assert_eq!(cmp(v, &int(v, -3), Gt, &fl(v, -2.5)), "False");
    assert_eq!(v.hash(&pow2(v, 100)).unwrap(), 549755813888);
    assert_eq!(v.hash(&int(v, -1)).unwrap(), -2);
    assert_eq!(v.hash(&int(v, i64::MIN)).unwrap(), -4);
    assert_eq!(v.hash(&fl(v, 1.5)).unwrap(), 1152921504606846977);
    assert_eq!(v.hash(&fl(v, f64::INFINITY)).unwrap(), 314159);
    let e4301 = v
        .binary_op(&int(v, 10), &int(v, 4300), NumberOp::Power)
        .unwrap();
    assert_eq!(
        show(v, v.repr(&e4301).map(|s| s.into_object())),
        "ValueError: Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit"
    );
    assert_eq!(repr(v, &v.new_bool(true)), "True");
    assert_eq!(repr(v, &v.new_bool(false)), "False");
}

#[test]
fn int_constructor() {
    let vm = vm();
    let v = &vm;
    let t = v.types.int_type.clone();
    assert_eq!(new(v, &t, &[]), "0");
    assert_eq!(
        new(v, &t, &[s(v, "x")]),
        "ValueError: invalid literal for int() with base 10: 'x'"
    );
    assert_eq!(new(v, &t, &[s(v, " 0x1f "), int(v, 0)]), "31");
    assert_eq!(
        new(v, &t, &[s(v, "12"), int(v, 1)]),
        "ValueError: int() base must be >= 2 and <= 36, or 0"
    );
    assert_eq!(
        new(v, &t, &[int(v, 5), int(v, 2)]),
        "TypeError: int() can't convert non-string with explicit base"
    );
    assert_eq!(new(v, &t, &[v.none()]), "TypeError: int() argument must be a string, a bytes-like object or a real number, not 'NoneType'");
    assert_eq!(
        new(v, &t, &[s(v, "10"), v.none()]),
        "TypeError: 'NoneType' object cannot be interpreted as an integer"
    );
    assert_eq!(
        new(v, &t, &[int(v, 1), int(v, 2), int(v, 3)]),
        "TypeError: int expected at most 2 arguments, got 3"
    );
    assert_eq!(new(v, &t, &[fl(v, 3.9)]), "3");
    assert_eq!(new(v, &t, &[fl(v, -1e20)]), "-100000000000000000000");
    assert_eq!(
        new(v, &t, &[fl(v, f64::INFINITY)]),
        "OverflowError: cannot convert float infinity to integer"
    );
    assert_eq!(
        new(v, &t, &[fl(v, f64::NAN)]),
        "ValueError: cannot convert float NaN to integer"
    );
    assert_eq!(new(v, &t, &[v.new_bool(true)]), "1");
    assert_eq!(new(v, &t, &[s(v, &"1".repeat(4301))]), "ValueError: Exceeds the limit (4300 digits) for integer string conversion: value has 4301 digits; use sys.set_int_max_str_digits() to increase the limit");
    assert_eq!(
        new(v, &t, &[v.new_bytes(&b"x"[..])]),
        "ValueError: invalid literal for int() with base 10: b'x'"
    );
    let bt = v.types.bool_type.clone();
    assert_eq!(new(v, &bt, &[int(v, 5)]), "True");
    assert_eq!(new(v, &bt, &[]), "False");
    let ft = v.types.float_type.clone();
    assert_eq!(
        new(v, &ft, &[pow2(v, 1100)]),
        "OverflowError: int too large to convert to float"
    );
    assert_eq!(
        new(v, &ft, &[s(v, "x")]),
        "ValueError: could not convert string to float: 'x'"
    );
    assert_eq!(new(v, &ft, &[s(v, " 1_0.5 ")]), "10.5");
    assert_eq!(
        new(v, &ft, &[v.none()]),
        "TypeError: float() argument must be a string or a real number, not 'NoneType'"
    );
    assert_eq!(
        new(v, &ft, &[big(v, "9007199254740993")]),
        "9007199254740992.0"
    );
    assert_eq!(
        new(v, &ft, &[big(v, "9007199254740995")]),
        "9007199254740996.0"
    );
}

#[test]
fn int_methods() {
    let vm = vm();
    let v = &vm;
    assert_eq!(meth(v, &int(v, 5), "bit_length", &[]), "3");
    assert_eq!(meth(v, &int(v, -255), "bit_count", &[]), "8");
    assert_eq!(meth(v, &int(v, 10), "as_integer_ratio", &[]), "(10, 1)");
    assert_eq!(
        meth(v, &v.new_bool(true), "as_integer_ratio", &[]),
        "(1, 1)"
    );
    assert_eq!(meth(v, &int(v, 7), "__round__", &[int(v, -1)]), "10");
    assert_eq!(meth(v, &int(v, 15), "__round__", &[int(v, -1)]), "20");
    assert_eq!(meth(v, &int(v, 25), "__round__", &[int(v, -1)]), "20");
    assert_eq!(meth(v, &int(v, -15), "__round__", &[int(v, -1)]), "-20");
    assert_eq!(meth(v, &int(v, 12345), "__round__", &[int(v, -2)]), "12300");
    assert_eq!(
        meth(v, &int(v, 5), "__round__", &[fl(v, 2.0)]),
        "TypeError: 'float' object cannot be interpreted as an integer"
    );
    assert_eq!(meth(v, &int(v, 5), "__sizeof__", &[]), "28");
    assert_eq!(meth(v, &pow2(v, 100), "__sizeof__", &[]), "40");
    assert_eq!(meth(v, &int(v, 1), "to_bytes", &[]), "b'\\x01'");
    assert_eq!(
        meth(v, &int(v, 256), "to_bytes", &[int(v, 1), s(v, "big")]),
        "OverflowError: int too big to convert"
    );
    assert_eq!(
        meth(v, &int(v, -1), "to_bytes", &[int(v, 1), s(v, "big")]),
        "OverflowError: can't convert negative int to unsigned"
    );
    assert_eq!(
        meth(v, &int(v, 5), "to_bytes", &[int(v, -1), s(v, "big")]),
        "ValueError: length argument must be non-negative"
    );
    assert_eq!(
        meth(v, &int(v, 5), "to_bytes", &[int(v, 2), s(v, "middle")]),
        "ValueError: byteorder must be either 'little' or 'big'"
    );
    assert_eq!(
        meth(v, &int(v, 1024), "to_bytes", &[int(v, 4), s(v, "little")]),
        "b'\\x00\\x04\\x00\\x00'"
    );
    assert_eq!(meth(v, &int(v, 0), "to_bytes", &[int(v, 0)]), "b''");
    assert_eq!(meth(v, &int(v, 255), "to_bytes", &[int(v, 1)]), "b'\\xff'");
    let t = v.types.int_type.clone();
    assert_eq!(
        cmeth(v, &t, "from_bytes", &[v.new_bytes(&b"\x01\x00"[..])]),
        "256"
    );
    assert_eq!(
        cmeth(
            v,
            &t,
            "from_bytes",
            &[v.new_bytes(&b"\xff"[..]), s(v, "little")]
        ),
        "255"
    );
    assert_eq!(meth(v, &int(v, 1), "__getnewargs__", &[]), "(1,)");
    assert_eq!(meth(v, &int(v, 7), "numerator", &[]), "7");
    assert_eq!(meth(v, &int(v, 7), "denominator", &[]), "1");
    assert_eq!(meth(v, &v.new_bool(true), "real", &[]), "1");
    assert_eq!(meth(v, &int(v, 7), "imag", &[]), "0");
}

#[test]
fn bool_ops() {
    let vm = vm();
    let v = &vm;
    let t = v.new_bool(true);
    let f = v.new_bool(false);
    assert_eq!(bin(v, &t, NumberOp::And, &t), "True");
    assert_eq!(bin(v, &t, NumberOp::Xor, &t), "False");
    assert_eq!(bin(v, &t, NumberOp::Or, &int(v, 0)), "1");
    assert_eq!(bin(v, &t, NumberOp::Add, &t), "2");
    assert_eq!(show(v, v.unary_op(&t, UnaryOp::Invert)), "-2");
    assert_eq!(show(v, v.unary_op(&f, UnaryOp::Negative)), "0");
    assert_eq!(v.hash(&t).unwrap(), 1);
    let _ = PyInt::Small(0);
}

#[test]
fn float_arithmetic() {
    let vm = vm();
    let v = &vm;
    use NumberOp::*;
    assert_eq!(
        bin(v, &fl(v, 1.0), FloorDivide, &int(v, 0)),
        "ZeroDivisionError: float floor division by zero"
    );
    assert_eq!(
        bin(v, &fl(v, 1.0), Remainder, &int(v, 0)),
        "ZeroDivisionError: float modulo by zero"
    );
    assert_eq!(
        bin(v, &fl(v, 1.0), TrueDivide, &int(v, 0)),
        "ZeroDivisionError: float division by zero"
    );
    assert_eq!(bin(v, &fl(v, -7.5), FloorDivide, &int(v, 2)), "-4.0");
    assert_eq!(bin(v, &fl(v, 7.5), Remainder, &int(v, -2)), "-0.5");
    assert_eq!(bin(v, &fl(v, -0.0), Remainder, &int(v, 1)), "0.0");
    assert_eq!(bin(v, &fl(v, 0.0), Remainder, &int(v, -1)), "-0.0");
    let dm = |a: f64, b: f64| {
        show(
            v,
            crate::objects::floatobject::float_divmod(v, &fl(v, a), &fl(v, b)),
        )
    };
    assert_eq!(dm(-7.5, 2.0), "(-4.0, 0.5)");
    assert_eq!(dm(-0.0, 1.0), "(-0.0, 0.0)");
    assert_eq!(dm(1.0, 0.0), "ZeroDivisionError: float divmod()");
    assert_eq!(
        bin(v, &fl(v, 0.0), Power, &int(v, -1)),
        "ZeroDivisionError: 0.0 cannot be raised to a negative power"
    );
    assert_eq!(
        bin(v, &fl(v, -0.0), Power, &int(v, -1)),
        "ZeroDivisionError: 0.0 cannot be raised to a negative power"
    );
    assert_eq!(
        bin(v, &fl(v, 10.0), Power, &int(v, 400)),
        "OverflowError: (34, 'Numerical result out of range')"
    );
    assert_eq!(
        bin(v, &fl(v, -1e300), Power, &int(v, 3)),
        "OverflowError: (34, 'Numerical result out of range')"
    );
    assert_eq!(
        bin(v, &int(v, -8), Power, &fl(v, 1.0 / 3.0)),
        "(1.0000000000000002+1.7320508075688772j)"
    );
    assert_eq!(
        bin(v, &int(v, -1), Power, &fl(v, 0.5)),
        "(6.123233995736766e-17+1j)"
    );
    assert_eq!(
        bin(v, &fl(v, -2.0), Power, &fl(v, 2.5)),
        "(1.7319121124709869e-15+5.656854249492381j)"
    );
    assert_eq!(bin(v, &fl(v, -2.0), Power, &int(v, 2)), "4.0");
    assert_eq!(bin(v, &fl(v, f64::INFINITY), Power, &int(v, -1)), "0.0");
    assert_eq!(bin(v, &int(v, 2), Power, &fl(v, 0.5)), "1.4142135623730951");
    assert_eq!(bin(v, &fl(v, 1e308), Multiply, &int(v, 10)), "inf");
    assert_eq!(bin(v, &fl(v, 0.1), Add, &fl(v, 0.2)), "0.30000000000000004");
}

#[test]
fn float_methods() {
    let vm = vm();
    let v = &vm;
    let ft = v.types.float_type.clone();
    assert_eq!(meth(v, &fl(v, 1.5), "hex", &[]), "'0x1.8000000000000p+0'");
    assert_eq!(meth(v, &fl(v, -0.0), "hex", &[]), "'-0x0.0p+0'");
    assert_eq!(
        meth(v, &fl(v, 5e-324), "hex", &[]),
        "'0x0.0000000000001p-1022'"
    );
    assert_eq!(meth(v, &fl(v, f64::INFINITY), "hex", &[]), "'inf'");
    assert_eq!(cmeth(v, &ft, "fromhex", &[s(v, "0x1.8p1")]), "3.0");
    assert_eq!(
        cmeth(v, &ft, "fromhex", &[s(v, "x")]),
        "ValueError: invalid hexadecimal floating-point string"
    );
    assert_eq!(
        cmeth(v, &ft, "fromhex", &[s(v, "0x1p2000")]),
        "OverflowError: hexadecimal value too large to represent as a float"
    );
    assert_eq!(
        cmeth(v, &ft, "fromhex", &[s(v, " -0x1.fffffffffffffp1023 ")]),
        "-1.7976931348623157e+308"
    );
    assert_eq!(
        cmeth(v, &ft, "fromhex", &[s(v, "0x0.0000000000001p-1022")]),
        "5e-324"
    );
    assert_eq!(
        cmeth(v, &ft, "__getformat__", &[s(v, "double")]),
        "'IEEE, little-endian'"
    );
    assert_eq!(
        meth(v, &fl(v, 0.1), "as_integer_ratio", &[]),
        "(3602879701896397, 36028797018963968)"
    );
    assert_eq!(
        meth(v, &fl(v, f64::INFINITY), "as_integer_ratio", &[]),
        "OverflowError: cannot convert Infinity to integer ratio"
    );
    assert_eq!(meth(v, &fl(v, 2.0), "is_integer", &[]), "True");
    assert_eq!(
        meth(v, &fl(v, 2.5), "__getnewargs__", &[]),
        "((2.5,),)".replace("((2.5,),)", "(2.5,)")
    );
    assert_eq!(meth(v, &fl(v, 1.5), "__round__", &[]), "2");
    assert_eq!(meth(v, &fl(v, 2.5), "__round__", &[]), "2");
    assert_eq!(meth(v, &fl(v, 12.5), "__round__", &[v.none()]), "12");
    assert_eq!(meth(v, &fl(v, 2.675), "__round__", &[int(v, 2)]), "2.67");
    assert_eq!(meth(v, &fl(v, 1.23456), "__round__", &[int(v, 3)]), "1.235");
    assert_eq!(
        meth(v, &fl(v, 123.456), "__round__", &[int(v, -1)]),
        "120.0"
    );
    assert_eq!(meth(v, &fl(v, 1e300), "__round__", &[]), "1000000000000000052504760255204420248704468581108159154915854115511802457988908195786371375080447864043704443832883878176942523235360430575644792184786706982848387200926575803737830233794788090059368953234970799945081119038967640880074652742780142494579258788820056842838115669472196386865459400540160");
    assert_eq!(
        meth(v, &fl(v, f64::INFINITY), "__round__", &[]),
        "OverflowError: cannot convert float infinity to integer"
    );
    assert_eq!(
        meth(v, &fl(v, f64::NAN), "__round__", &[]),
        "ValueError: cannot convert float NaN to integer"
    );
    assert_eq!(meth(v, &fl(v, -3.5), "__floor__", &[]), "-4");
    assert_eq!(meth(v, &fl(v, -3.5), "__ceil__", &[]), "-3");
    assert_eq!(meth(v, &fl(v, -3.5), "__trunc__", &[]), "-3");
    assert_eq!(meth(v, &fl(v, -3.5), "imag", &[]), "0.0");
}

#[test]
fn complex_ops() {
    let vm = vm();
    let v = &vm;
    use NumberOp::*;
    let cx = |re: f64, im: f64| v.new_complex(re, im);
    let ct = v.types.complex_type.clone();
    assert_eq!(repr(v, &cx(1.0, 2.0)), "(1+2j)");
    assert_eq!(repr(v, &cx(0.0, 1.0)), "1j");
    assert_eq!(repr(v, &cx(-0.0, -1.0)), "(-0-1j)");
    assert_eq!(repr(v, &cx(0.0, -0.0)), "-0j");
    assert_eq!(repr(v, &cx(f64::NAN, f64::INFINITY)), "(nan+infj)");
    assert_eq!(repr(v, &cx(1e20, 1e-5)), "(1e+20+1e-05j)");
    assert_eq!(
        new(v, &ct, &[s(v, "x")]),
        "ValueError: complex() arg is a malformed string"
    );
    assert_eq!(new(v, &ct, &[s(v, "1+2j")]), "(1+2j)");
    assert_eq!(new(v, &ct, &[s(v, " ( 1+2j ) ")]), "(1+2j)");
    assert_eq!(new(v, &ct, &[s(v, "1_0j")]), "10j");
    assert_eq!(new(v, &ct, &[s(v, "-j")]), "-1j");
    assert_eq!(new(v, &ct, &[s(v, "1e5-2.5e3J")]), "(100000-2500j)");
    assert_eq!(new(v, &ct, &[s(v, "(1)")]), "(1+0j)");
    assert_eq!(
        new(v, &ct, &[s(v, "1+")]),
        "ValueError: complex() arg is a malformed string"
    );
    assert_eq!(
        new(v, &ct, &[s(v, "1 +2j")]),
        "ValueError: complex() arg is a malformed string"
    );
    assert_eq!(new(v, &ct, &[s(v, "nan+infj")]), "(nan+infj)");
    assert_eq!(new(v, &ct, &[s(v, "1e400")]), "(inf+0j)");
    assert_eq!(
        new(v, &ct, &[s(v, "1"), s(v, "2")]),
        "TypeError: complex() can't take second arg if first is a string"
    );
    assert_eq!(
        new(v, &ct, &[int(v, 1), s(v, "2")]),
        "TypeError: complex() second arg can't be a string"
    );
    assert_eq!(
        new(v, &ct, &[v.none()]),
        "TypeError: complex() first argument must be a string or a number, not 'NoneType'"
    );
    assert_eq!(
        new(v, &ct, &[int(v, 1), v.none()]),
        "TypeError: complex() second argument must be a number, not 'NoneType'"
    );
    assert_eq!(new(v, &ct, &[cx(0.0, 1.0), cx(0.0, 1.0)]), "(-1+1j)");
    assert_eq!(new(v, &ct, &[]), "0j");
    assert_eq!(bin(v, &cx(1.0, 2.0), Power, &int(v, 2)), "(-3+4j)");
    assert_eq!(
        bin(v, &cx(1.0, 2.0), Power, &fl(v, 0.5)),
        "(1.272019649514069+0.7861513777574233j)"
    );
    assert_eq!(bin(v, &cx(0.0, 2.0), Power, &int(v, 3)), "(-0-8j)");
    assert_eq!(
        bin(v, &cx(0.0, 1e200), Power, &int(v, 2)),
        "OverflowError: complex exponentiation"
    );
    assert_eq!(bin(v, &cx(1.0, 1.0), Power, &int(v, -2)), "-0.5j");
    assert_eq!(
        bin(v, &cx(0.0, 0.0), Power, &cx(0.0, 1.0)),
        "ZeroDivisionError: 0.0 to a negative or complex power"
    );
    assert_eq!(
        bin(v, &cx(0.0, 1.0), Power, &fl(v, f64::INFINITY)),
        "ZeroDivisionError: 0.0 to a negative or complex power"
    );
    assert_eq!(
        bin(v, &cx(0.0, 1.0), Power, &int(v, 101)),
        "(4.408109496293883e-15+1j)"
    );
    assert_eq!(
        bin(v, &cx(1.0, 1.0), Power, &int(v, 100)),
        "(-1125899906842624+0j)"
    );
    assert_eq!(
        bin(v, &cx(2.0, 3.0), Power, &cx(1.0, 1.0)),
        "(-0.8636068988831277+1.0368893969147763j)"
    );
    assert_eq!(
        bin(v, &cx(f64::INFINITY * 0.0, 0.0), Multiply, &int(v, 0)),
        "(nan+nanj)"
    );
    assert_eq!(
        bin(v, &cx(1.0, 1.0), TrueDivide, &cx(0.0, 0.0)),
        "ZeroDivisionError: complex division by zero"
    );
    assert_eq!(
        bin(v, &cx(1.0, 2.0), TrueDivide, &cx(3.0, 4.0)),
        "(0.44+0.08j)"
    );
    assert_eq!(bin(v, &int(v, 1), TrueDivide, &cx(0.0, 1.0)), "-1j");
    assert_eq!(
        bin(v, &pow2(v, 1000), Multiply, &cx(0.0, 1.0)),
        "1.0715086071862673e+301j"
    );
    assert_eq!(
        bin(v, &cx(0.0, 1.0), FloorDivide, &int(v, 1)),
        "TypeError: unsupported operand type(s) for //: 'complex' and 'int'"
    );
    assert_eq!(show(v, v.unary_op(&cx(3.0, 4.0), UnaryOp::Absolute)), "5.0");
    assert_eq!(
        show(v, v.unary_op(&cx(1e308, 1e308), UnaryOp::Absolute)),
        "1.4142135623730951e+308"
    );
    assert_eq!(
        show(v, v.unary_op(&cx(1.7e308, 1.7e308), UnaryOp::Absolute)),
        "OverflowError: absolute value too large"
    );
    assert_eq!(
        show(v, v.unary_op(&cx(0.0, 1.0), UnaryOp::Negative)),
        "(-0-1j)"
    );
    assert_eq!(cmp(v, &cx(1.0, 0.0), CompareOp::Eq, &int(v, 1)), "True");
    assert_eq!(cmp(v, &cx(1.0, 0.0), CompareOp::Eq, &fl(v, 1.0)), "True");
    assert_eq!(cmp(v, &cx(0.0, 1.0), CompareOp::Eq, &int(v, 0)), "False");
    assert_eq!(
        cmp(v, &cx(1.0, 0.0), CompareOp::Lt, &int(v, 1)),
        "TypeError: '<' not supported between instances of 'complex' and 'int'"
    );
    assert_eq!(v.hash(&cx(1.0, 2.0)).unwrap(), 2000007);
    assert_eq!(v.hash(&cx(1.5, 0.0)).unwrap(), 1152921504606846977);
    assert_eq!(meth(v, &cx(1.0, 2.0), "conjugate", &[]), "(1-2j)");
    assert_eq!(meth(v, &cx(0.0, 1.0), "__getnewargs__", &[]), "(0.0, 1.0)");
    assert_eq!(meth(v, &cx(0.0, 1.0), "imag", &[]), "1.0");
}

#[test]
fn builtin_sum_numeric_paths() {
    let vm = vm();
    let v = &vm;
    let sum = |items: Vec<PyObjectRef>, start: PyObjectRef| {
        let l = v.new_list(items).into_object();
        let it = v.get_iter(&l).unwrap();
        show(v, crate::objects::floatobject::sum_numbers(v, start, &it))
    };
    let tenth = || (0..10).map(|_| fl(v, 0.1)).collect::<Vec<_>>();
    assert_eq!(sum(tenth(), int(v, 0)), "1.0");
    assert_eq!(sum(tenth(), fl(v, 0.0)), "1.0");
    assert_eq!(
        sum(
            vec![int(v, 1), fl(v, 0.1), fl(v, 0.2), pow2(v, 70), fl(v, 0.3)],
            int(v, 0)
        ),
        "1.1805916207174113e+21"
    );
    assert_eq!(
        sum(vec![fl(v, 1e100), fl(v, 1.0), fl(v, -1e100)], int(v, 0)),
        "1.0"
    );
    assert_eq!(
        sum(
            vec![fl(v, 0.1), int(v, 1), fl(v, 0.1), v.new_bool(true)],
            int(v, 0)
        ),
        "2.2"
    );
    assert_eq!(
        sum(vec![fl(v, 1e308), fl(v, 1e308), fl(v, -1e308)], int(v, 0)),
        "inf"
    );
    assert_eq!(sum(vec![fl(v, -0.0)], int(v, 0)), "0.0");
    assert_eq!(sum(vec![fl(v, -0.0)], fl(v, -0.0)), "-0.0");
    assert_eq!(
        sum(
            (0..10).map(|_| v.new_complex(0.0, 0.1)).collect(),
            int(v, 0)
        ),
        "0.9999999999999999j"
    );
    assert_eq!(
        sum(vec![pow2(v, 62), pow2(v, 62), int(v, 5)], int(v, 0)),
        "9223372036854775813"
    );
    assert_eq!(
        sum(vec![int(v, 1), s(v, "x")], int(v, 0)),
        "TypeError: unsupported operand type(s) for +: 'int' and 'str'"
    );
}
