//! `float` (CPython's Objects/floatobject.c): the payload, the number
//! slots, comparison with ints, hashing and the constructor. Methods live
//! in `float_methods.rs`.

use std::cmp::Ordering;

use crate::object::{PyObjectRef, PyPayload, PyRef, PyTypeRef};
use crate::objects::bytearrayobject::PyByteArray;
use crate::objects::bytesobject::PyBytes;
use crate::objects::longobject::{cmp_holds, f64_to_int, int_to_f64, PyInt};
use crate::objects::strobject::PyStr;
use crate::objects::tupleobject::PyTupleRef;
use crate::objects::typeobject::{BinaryFn, CompareOp, NumberOp};
use crate::{PyResult, VM};

#[path = "float_methods.rs"]
mod float_methods;

pub use float_methods::{float_hex, float_round_ndigits};

pub struct PyFloat {
    pub value: f64,
}

impl PyPayload for PyFloat {
    fn class(vm: &VM) -> &PyTypeRef {
        &vm.types.float_type
    }
}

impl VM {
    #[inline]
    pub fn new_float(&self, v: f64) -> PyObjectRef {
        PyRef::new_exact(PyFloat { value: v }, self.types.float_type.clone()).into_object()
    }
}

/// The operand as a double for mixed arithmetic: `None` when it is neither
/// float nor int (the slot then returns NotImplemented).
#[inline]
fn operand(vm: &VM, o: &PyObjectRef) -> Option<PyResult<f64>> {
    if let Some(f) = o.downcast_ref::<PyFloat>() {
        return Some(Ok(f.value));
    }
    o.downcast_ref::<PyInt>().map(|i| int_to_f64(vm, i))
}

macro_rules! float_binop {
    ($name:ident, |$vm:ident, $x:ident, $y:ident| $body:expr) => {
        fn $name($vm: &VM, a: &PyObjectRef, b: &PyObjectRef) -> PyResult {
            // float op float first: the hot path of numeric code.
            if let (Some(fa), Some(fb)) = (a.downcast_ref::<PyFloat>(), b.downcast_ref::<PyFloat>())
            {
                let ($x, $y) = (fa.value, fb.value);
                return $body;
            }
            let (Some(x), Some(y)) = (operand($vm, a), operand($vm, b)) else {
                return Ok($vm.not_implemented());
            };
            let ($x, $y) = (x?, y?);
            $body
        }
    };
}

float_binop!(float_add, |vm, x, y| Ok(vm.new_float(x + y)));
float_binop!(float_sub, |vm, x, y| Ok(vm.new_float(x - y)));
float_binop!(float_mul, |vm, x, y| Ok(vm.new_float(x * y)));
float_binop!(float_truediv, |vm, x, y| {
    if y == 0.0 {
        return Err(vm.new_zero_division_error("float division by zero"));
    }
    Ok(vm.new_float(x / y))
});
float_binop!(float_floordiv, |vm, x, y| {
    if y == 0.0 {
        return Err(vm.new_zero_division_error("float floor division by zero"));
    }
    Ok(vm.new_float(divmod_values(x, y).0))
});
float_binop!(float_mod, |vm, x, y| {
    if y == 0.0 {
        return Err(vm.new_zero_division_error("float modulo by zero"));
    }
    Ok(vm.new_float(mod_value(x, y)))
});
float_binop!(float_pow, |vm, x, y| float_pow_values(vm, x, y));

/// Python's `x % y` for doubles (y != 0): the sign of y, exact.
pub fn mod_value(x: f64, y: f64) -> f64 {
    let m = x % y;
    if m != 0.0 {
        if (y < 0.0) != (m < 0.0) {
            m + y
        } else {
            m
        }
    } else {
        0.0f64.copysign(y)
    }
}

/// `divmod(x, y)` for doubles (y != 0), as CPython's `_float_div_mod`.
pub fn divmod_values(x: f64, y: f64) -> (f64, f64) {
    let mut m = x % y;
    let mut div = (x - m) / y;
    if m != 0.0 {
        if (y < 0.0) != (m < 0.0) {
            m += y;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(y);
    }
    let floordiv = if div != 0.0 {
        let mut f = div.floor();
        if div - f > 0.5 {
            f += 1.0;
        }
        f
    } else {
        0.0f64.copysign(x / y)
    };
    (floordiv, m)
}

/// `|x| == m * 2**e` for a finite nonzero double (m < 2**53).
pub fn exact_ratio_parts(x: f64) -> (u64, i64) {
    let bits = x.to_bits();
    let raw = ((bits >> 52) & 0x7ff) as i64;
    let mant = bits & ((1u64 << 52) - 1);
    if raw == 0 {
        (mant, -1074)
    } else {
        (mant | (1 << 52), raw - 1075)
    }
}

/// `divmod(a, b)` when one operand is a float (NotImplemented for
/// non-numbers); the `divmod` builtin and `float.__divmod__` use it.
pub fn float_divmod(vm: &VM, a: &PyObjectRef, b: &PyObjectRef) -> PyResult {
    let (Some(x), Some(y)) = (operand(vm, a), operand(vm, b)) else {
        return Ok(vm.not_implemented());
    };
    let (x, y) = (x?, y?);
    if y == 0.0 {
        return Err(vm.new_zero_division_error("float divmod()"));
    }
    let (d, m) = divmod_values(x, y);
    Ok(vm.new_tuple_obj(vec![vm.new_float(d), vm.new_float(m)]))
}

fn is_odd_integer(x: f64) -> bool {
    (x % 2.0).abs() == 1.0
}

/// `OverflowError: (34, 'Numerical result out of range')`, the errno-style
/// error CPython raises when libm reports ERANGE.
pub fn erange_error(vm: &VM) -> crate::PyBaseExceptionRef {
    vm.new_exception(
        &vm.types.exc.overflow_error,
        vec![
            vm.new_int(34),
            vm.new_str_obj("Numerical result out of range"),
        ],
    )
}

/// `x ** y` for doubles with CPython's special cases; a negative base with
/// a non-integral exponent gives a complex result.
pub fn float_pow_values(vm: &VM, iv: f64, iw: f64) -> PyResult {
    if iw == 0.0 {
        return Ok(vm.new_float(1.0));
    }
    if iv.is_nan() {
        return Ok(vm.new_float(iv));
    }
    if iw.is_nan() {
        return Ok(vm.new_float(if iv == 1.0 { 1.0 } else { iw }));
    }
    if iw.is_infinite() {
        let a = iv.abs();
        let r = if a == 1.0 {
            1.0
        } else if (iw > 0.0) == (a > 1.0) {
            iw.abs()
        } else {
            0.0
        };
        return Ok(vm.new_float(r));
    }
    if iv.is_infinite() {
        let odd = is_odd_integer(iw);
        let r = if iw > 0.0 {
            if odd {
                iv
            } else {
                iv.abs()
            }
        } else if odd {
            0.0f64.copysign(iv)
        } else {
            0.0
        };
        return Ok(vm.new_float(r));
    }
    if iv == 0.0 {
        if iw < 0.0 {
            return Err(vm.new_zero_division_error("0.0 cannot be raised to a negative power"));
        }
        return Ok(vm.new_float(if is_odd_integer(iw) { iv } else { 0.0 }));
    }
    let mut base = iv;
    let mut negate = false;
    if iv < 0.0 {
        if iw != iw.floor() {
            return crate::objects::complexobject::complex_pow_values(vm, (iv, 0.0), (iw, 0.0));
        }
        base = -iv;
        negate = is_odd_integer(iw);
    }
    if base == 1.0 {
        return Ok(vm.new_float(if negate { -1.0 } else { 1.0 }));
    }
    let r = base.powf(iw);
    if r.is_infinite() {
        return Err(erange_error(vm));
    }
    Ok(vm.new_float(if negate { -r } else { r }))
}

fn float_pow_mod(vm: &VM, a: &PyObjectRef, b: &PyObjectRef, m: &PyObjectRef) -> PyResult {
    if !vm.is_none(m) {
        return Err(
            vm.new_type_error("pow() 3rd argument not allowed unless all arguments are integers")
        );
    }
    float_pow(vm, a, b)
}

fn value_of(a: &PyObjectRef) -> f64 {
    a.downcast_ref::<PyFloat>().map(|f| f.value).unwrap_or(0.0)
}

fn float_neg(vm: &VM, a: &PyObjectRef) -> PyResult {
    Ok(vm.new_float(-value_of(a)))
}

fn float_pos(vm: &VM, a: &PyObjectRef) -> PyResult {
    if a.class().is(&vm.types.float_type) {
        return Ok(a.clone());
    }
    Ok(vm.new_float(value_of(a)))
}

fn float_abs(vm: &VM, a: &PyObjectRef) -> PyResult {
    Ok(vm.new_float(value_of(a).abs()))
}

fn float_bool(_vm: &VM, a: &PyObjectRef) -> PyResult<bool> {
    Ok(value_of(a) != 0.0)
}

fn float_int(vm: &VM, a: &PyObjectRef) -> PyResult {
    f64_to_int(vm, value_of(a))
}

/// Compares a double with any number: floats natively, ints exactly.
fn compare(a: f64, other: &PyObjectRef) -> Option<Option<Ordering>> {
    if let Some(f) = other.downcast_ref::<PyFloat>() {
        return Some(a.partial_cmp(&f.value));
    }
    let i = other.downcast_ref::<PyInt>()?;
    Some(i.cmp_f64(a).map(Ordering::reverse))
}

fn float_richcompare(vm: &VM, a: &PyObjectRef, b: &PyObjectRef, op: CompareOp) -> PyResult {
    let Some(x) = a.downcast_ref::<PyFloat>() else {
        return Ok(vm.not_implemented());
    };
    match compare(x.value, b) {
        None => Ok(vm.not_implemented()),
        // NaN: every comparison is false except `!=`.
        Some(None) => Ok(vm.new_bool(op == CompareOp::Ne)),
        Some(Some(ord)) => Ok(vm.new_bool(cmp_holds(ord, op))),
    }
}

fn float_hash(_vm: &VM, a: &PyObjectRef) -> PyResult<i64> {
    Ok(rython_common::hash::hash_float_with_identity(
        value_of(a),
        a.id(),
    ))
}

fn float_repr(vm: &VM, a: &PyObjectRef) -> PyResult {
    Ok(vm.new_str_obj(rython_common::float_repr::repr(value_of(a))))
}

/// `float(text)` for str, bytes and bytearray; `Ok(None)` for other types.
pub fn float_from_text(vm: &VM, x: &PyObjectRef) -> PyResult<Option<f64>> {
    let r = if let Some(s) = x.downcast_ref::<PyStr>() {
        rython_common::float_parse::parse_float(s.as_str())
    } else if let Some(b) = x.downcast_ref::<PyBytes>() {
        rython_common::float_parse::parse_float_bytes(b.as_bytes())
    } else if let Some(b) = x.downcast_ref::<PyByteArray>() {
        let v = b.value.borrow().clone();
        rython_common::float_parse::parse_float_bytes(&v)
    } else if let Some(m) = x.downcast_ref::<crate::objects::memoryobject::PyMemoryView>() {
        // Another buffer: its bytes, unless it has none to give.
        match m.simple_bytes(vm) {
            Ok(v) => rython_common::float_parse::parse_float_bytes(&v),
            Err(_) => return Ok(None),
        }
    } else {
        return Ok(None);
    };
    match r {
        Some(f) => Ok(Some(f)),
        None => {
            let shown = crate::objects::longobject::text_repr(vm, x)?;
            Err(vm.new_value_error(rython_common::float_parse::parse_error_message(&shown)))
        }
    }
}

/// `PyNumber_Float`: `float(x)`.
pub fn number_to_float(vm: &VM, x: &PyObjectRef) -> PyResult<f64> {
    if let Some(f) = x.downcast_ref::<PyFloat>() {
        if x.class().is(&vm.types.float_type) {
            return Ok(f.value);
        }
    }
    if let Some(f) = x.class().payload.slots.nb_float.get() {
        let r = f(vm, x)?;
        return vm.float_result(x, &r);
    }
    if x.class().payload.slots.nb_index.get().is_some() {
        let i = vm.to_index(x)?;
        return vm.to_f64(&i);
    }
    if let Some(f) = float_from_text(vm, x)? {
        return Ok(f);
    }
    Err(vm.new_type_error(format!(
        "float() argument must be a string or a real number, not '{}'",
        x.class().name_string()
    )))
}

fn float_new(
    vm: &VM,
    cls: &PyTypeRef,
    args: &[PyObjectRef],
    kwnames: Option<&PyTupleRef>,
) -> PyResult {
    if kwnames.is_some_and(|k| !k.payload.is_empty()) {
        return Err(vm.new_type_error("float() takes no keyword arguments"));
    }
    let v = match args {
        [] => 0.0,
        [x] => {
            if cls.is(&vm.types.float_type) && x.class().is(&vm.types.float_type) {
                return Ok(x.clone());
            }
            number_to_float(vm, x)?
        }
        _ => {
            return Err(vm.new_type_error(format!(
                "float expected at most 1 argument, got {}",
                args.len()
            )))
        }
    };
    if cls.is(&vm.types.float_type) {
        return Ok(vm.new_float(v));
    }
    Ok(PyRef::new_with_type(PyFloat { value: v }, cls.clone()).into_object())
}

/// The numeric part of the `sum()` builtin (CPython's `builtin_sum_impl`):
/// exact ints accumulate in a machine word, exact floats with Neumaier's
/// compensated summation (so `sum([0.1] * 10) == 1.0`), anything else with
/// `+`. `acc` is the start value; `it` an iterator.
pub fn sum_numbers(vm: &VM, mut acc: PyObjectRef, it: &PyObjectRef) -> PyResult {
    let add = |a: &PyObjectRef, b: &PyObjectRef| vm.binary_op(a, b, NumberOp::Add);
    let exact_int = |o: &PyObjectRef| -> Option<i64> {
        if o.class().is(&vm.types.int_type) || o.class().is(&vm.types.bool_type) {
            o.downcast_ref::<PyInt>().and_then(|i| i.as_i64())
        } else {
            None
        }
    };
    if acc.class().is(&vm.types.int_type) {
        if let Some(mut total) = exact_int(&acc) {
            loop {
                let Some(item) = vm.next(it)? else {
                    return Ok(vm.new_int(total));
                };
                if let Some(t) = exact_int(&item).and_then(|b| total.checked_add(b)) {
                    total = t;
                    continue;
                }
                acc = add(&vm.new_int(total), &item)?;
                break;
            }
        }
    }
    if acc.class().is(&vm.types.float_type) {
        let mut f = value_of(&acc);
        let mut c = 0.0f64;
        loop {
            let Some(item) = vm.next(it)? else {
                // Keep the sign of a -0.0 result, and keep an infinite
                // sum from turning into NaN.
                if c != 0.0 && c.is_finite() {
                    f += c;
                }
                return Ok(vm.new_float(f));
            };
            if item.class().is(&vm.types.float_type) {
                let x = value_of(&item);
                let t = f + x;
                if f.abs() >= x.abs() {
                    c += (f - t) + x;
                } else {
                    c += (x - t) + f;
                }
                f = t;
                continue;
            }
            if let Some(PyInt::Small(v)) = item.downcast_ref::<PyInt>() {
                f += *v as f64;
                continue;
            }
            if c != 0.0 && c.is_finite() {
                f += c;
            }
            acc = add(&vm.new_float(f), &item)?;
            break;
        }
    }
    while let Some(item) = vm.next(it)? {
        acc = add(&acc, &item)?;
    }
    Ok(acc)
}

/// Fills the slots and methods of this file's type(s).
pub(crate) fn init(vm: &crate::VM) {
    let t = &vm.types.float_type;
    let s = &t.payload.slots;
    s.repr.set(Some(float_repr));
    s.hash.set(Some(float_hash));
    s.richcompare.set(Some(float_richcompare));
    s.new.set(Some(float_new));
    let nb = |op: NumberOp, f: BinaryFn| s.nb_binary[op as usize].set(Some(f));
    nb(NumberOp::Add, float_add);
    nb(NumberOp::Subtract, float_sub);
    nb(NumberOp::Multiply, float_mul);
    nb(NumberOp::TrueDivide, float_truediv);
    nb(NumberOp::FloorDivide, float_floordiv);
    nb(NumberOp::Remainder, float_mod);
    nb(NumberOp::Power, float_pow);
    s.nb_power_mod.set(Some(float_pow_mod));
    s.nb_negative.set(Some(float_neg));
    s.nb_positive.set(Some(float_pos));
    s.nb_absolute.set(Some(float_abs));
    s.nb_bool.set(Some(float_bool));
    s.nb_int.set(Some(float_int));
    s.nb_float.set(Some(float_pos));
    float_methods::init(vm);
}
