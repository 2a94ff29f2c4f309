//! Methods of `float`: `hex`/`fromhex`, `as_integer_ratio`, rounding.

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Signed, Zero};

use super::{float_divmod, PyFloat};
use crate::object::PyObjectRef;
use crate::objects::longobject::long_ops::{biguint_to_f64, round_to_f64};
use crate::objects::longobject::{f64_to_int, PyInt};
use crate::objects::strobject::PyStr;
use crate::objects::tupleobject::PyTupleRef;
use crate::objects::typeobject::PyType;
use crate::python::args::positional;
use crate::{PyResult, VM};

fn this(vm: &VM, args: &[PyObjectRef], name: &str) -> PyResult<f64> {
    args.first()
        .and_then(|a| a.downcast_ref::<PyFloat>())
        .map(|f| f.value)
        .ok_or_else(|| {
            vm.new_type_error(format!(
                "descriptor '{name}' of 'float' object needs an argument"
            ))
        })
}

/// Checks a method that takes no arguments and returns self's value.
fn noargs(vm: &VM, args: &[PyObjectRef], kw: Option<&PyTupleRef>, name: &str) -> PyResult<f64> {
    let v = this(vm, args, name)?;
    positional(vm, &format!("float.{name}"), &args[1..], kw, 0, 0)?;
    Ok(v)
}

fn float_conjugate(vm: &VM, args: &[PyObjectRef], kw: Option<&PyTupleRef>) -> PyResult {
    let v = noargs(vm, args, kw, "conjugate")?;
    if args[0].class().is(&vm.types.float_type) {
        return Ok(args[0].clone());
    }
    Ok(vm.new_float(v))
}

fn float_is_integer(vm: &VM, args: &[PyObjectRef], kw: Option<&PyTupleRef>) -> PyResult {
    let v = noargs(vm, args, kw, "is_integer")?;
    Ok(vm.new_bool(v.is_finite() && v == v.floor()))
}

fn float_trunc(vm: &VM, args: &[PyObjectRef], kw: Option<&PyTupleRef>) -> PyResult {
    let v = noargs(vm, args, kw, "__trunc__")?;
    f64_to_int(vm, v)
}

fn float_floor(vm: &VM, args: &[PyObjectRef], kw: Option<&PyTupleRef>) -> PyResult {
    let v = noargs(vm, args, kw, "__floor__")?;
    f64_to_int(vm, v.floor())
}

fn float_ceil(vm: &VM, args: &[PyObjectRef], kw: Option<&PyTupleRef>) -> PyResult {
    let v = noargs(vm, args, kw, "__ceil__")?;
    f64_to_int(vm, v.ceil())
}

fn float_getnewargs(vm: &VM, args: &[PyObjectRef], kw: Option<&PyTupleRef>) -> PyResult {
    let v = noargs(vm, args, kw, "__getnewargs__")?;
    Ok(vm.new_tuple_obj(vec![vm.new_float(v)]))
}

fn float_as_integer_ratio(vm: &VM, args: &[PyObjectRef], kw: Option<&PyTupleRef>) -> PyResult {
    let v = noargs(vm, args, kw, "as_integer_ratio")?;
    if v.is_infinite() {
        return Err(vm.new_overflow_error("cannot convert Infinity to integer ratio"));
    }
    if v.is_nan() {
        return Err(vm.new_value_error("cannot convert NaN to integer ratio"));
    }
    let (n, d) = exact_ratio(v);
    Ok(vm.new_tuple_obj(vec![vm.new_bigint(n), vm.new_bigint(d)]))
}

/// A finite double as a fraction in lowest terms (denominator a power of 2).
pub fn exact_ratio(v: f64) -> (BigInt, BigInt) {
    if v == 0.0 {
        return (BigInt::zero(), BigInt::from(1));
    }
    let bits = v.to_bits();
    let raw_exp = ((bits >> 52) & 0x7ff) as i64;
    let mut mant = bits & ((1u64 << 52) - 1);
    let mut exp = if raw_exp == 0 {
        -1074
    } else {
        mant |= 1 << 52;
        raw_exp - 1075
    };
    let tz = mant.trailing_zeros() as i64;
    mant >>= tz;
    exp += tz;
    let sign = if v < 0.0 { -1 } else { 1 };
    let n = BigInt::from(mant) * sign;
    if exp >= 0 {
        (n << exp as u64, BigInt::from(1))
    } else {
        (n, BigInt::from(1) << (-exp) as u64)
    }
}

/// `float.hex()`: `0x1.8000000000000p+0`.
pub fn float_hex(v: f64) -> String {
    if v.is_nan() {
        return "nan".into();
    }
    if v.is_infinite() {
        return if v > 0.0 { "inf".into() } else { "-inf".into() };
    }
    let sign = if v.is_sign_negative() { "-" } else { "" };
    if v == 0.0 {
        return format!("{sign}0x0.0p+0");
    }
    let bits = v.to_bits();
    let raw_exp = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1u64 << 52) - 1);
    let (lead, exp) = if raw_exp == 0 {
        (0, -1022)
    } else {
        (1, raw_exp - 1023)
    };
    let esign = if exp < 0 { '-' } else { '+' };
    format!("{sign}0x{lead}.{frac:013x}p{esign}{}", exp.abs())
}

fn float_hex_method(vm: &VM, args: &[PyObjectRef], kw: Option<&PyTupleRef>) -> PyResult {
    let v = noargs(vm, args, kw, "hex")?;
    Ok(vm.new_str_obj(float_hex(v)))
}

/// Parses `float.fromhex` text; `Err(true)` means overflow, `Err(false)`
/// a malformed string.
fn parse_hex_float(s: &str) -> Result<f64, bool> {
    let s = s.trim_matches(|c: char| c.is_ascii_whitespace() || c == '\u{b}' || c == '\u{c}');
    let (neg, rest) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let apply = |f: f64| if neg { -f } else { f };
    let lower = rest.to_ascii_lowercase();
    match lower.as_str() {
        "inf" | "infinity" => return Ok(apply(f64::INFINITY)),
        "nan" => return Ok(apply(f64::NAN)),
        _ => {}
    }
    let body = lower.strip_prefix("0x").unwrap_or(&lower);
    let (mant_part, exp_part) = match body.split_once('p') {
        Some((m, e)) => (m, Some(e)),
        None => (body, None),
    };
    let (int_digits, frac_digits) = match mant_part.split_once('.') {
        Some((i, f)) => (i, f),
        None => (mant_part, ""),
    };
    if int_digits.is_empty() && frac_digits.is_empty() {
        return Err(false);
    }
    let all_hex = |t: &str| t.bytes().all(|c| c.is_ascii_hexdigit());
    if !all_hex(int_digits) || !all_hex(frac_digits) {
        return Err(false);
    }
    let mut exp: i64 = 0;
    if let Some(e) = exp_part {
        let (eneg, edigits) = match e.as_bytes().first() {
            Some(b'-') => (true, &e[1..]),
            Some(b'+') => (false, &e[1..]),
            _ => (false, e),
        };
        if edigits.is_empty() || !edigits.bytes().all(|c| c.is_ascii_digit()) {
            return Err(false);
        }
        // Clamp absurd exponents: anything this large over/underflows.
        let mut v: i64 = 0;
        for c in edigits.bytes() {
            v = (v * 10 + (c - b'0') as i64).min(1 << 40);
        }
        exp = if eneg { -v } else { v };
    }
    let digits: String = format!("{int_digits}{frac_digits}");
    let digits = digits.trim_start_matches('0');
    if digits.is_empty() {
        return Ok(apply(0.0));
    }
    let m = num_bigint::BigUint::parse_bytes(digits.as_bytes(), 16).ok_or(false)?;
    let e = exp - 4 * frac_digits.len() as i64;
    let bits = m.bits() as i64;
    if bits + e > 1025 {
        return Err(true);
    }
    if bits + e < -1080 {
        return Ok(apply(0.0));
    }
    let f = if bits > 64 {
        let shift = (bits - 64) as u64;
        let top = (&m >> shift).iter_u64_digits().next().unwrap_or(0);
        let sticky = m.trailing_zeros().is_some_and(|tz| tz < shift);
        round_to_f64(top as u128, e + shift as i64, sticky)
    } else {
        let top = m.iter_u64_digits().next().unwrap_or(0);
        round_to_f64(top as u128, e, false)
    };
    f.map(apply).ok_or(true)
}

fn float_fromhex(vm: &VM, args: &[PyObjectRef], kw: Option<&PyTupleRef>) -> PyResult {
    let Some(cls) = args.first().cloned() else {
        return Err(vm.new_type_error("descriptor 'fromhex' of 'float' object needs an argument"));
    };
    let a = positional(vm, "fromhex", &args[1..], kw, 1, 1)?;
    let Some(s) = a[0].downcast_ref::<PyStr>() else {
        return Err(vm.new_type_error("bad argument type for built-in operation"));
    };
    let v = match parse_hex_float(s.as_str()) {
        Ok(v) => v,
        Err(true) => {
            return Err(vm.new_overflow_error("hexadecimal value too large to represent as a float"))
        }
        Err(false) => return Err(vm.new_value_error("invalid hexadecimal floating-point string")),
    };
    let f = vm.new_float(v);
    if cls.is(vm.types.float_type.as_object()) || !cls.payload_is::<PyType>() {
        return Ok(f);
    }
    vm.call1(&cls, f)
}

/// `round(x, ndigits)` for a double, correctly rounded (half to even on
/// the exact binary value, as CPython's dtoa-based `double_round`).
pub fn float_round_ndigits(vm: &VM, x: f64, ndigits: i64) -> PyResult<f64> {
    if !x.is_finite() || x == 0.0 || ndigits > 323 {
        return Ok(x);
    }
    if ndigits < -308 {
        return Ok(0.0f64.copysign(x));
    }
    let r = if ndigits >= 0 {
        let s = rython_common::float_repr::double_to_string(
            x,
            'f',
            ndigits as usize,
            Default::default(),
        )
        .unwrap_or_default();
        s.parse::<f64>().unwrap_or(x)
    } else {
        let k = (-ndigits) as u64;
        let p = num_traits::Pow::pow(&BigInt::from(10), k);
        let (n, d) = exact_ratio(x);
        let den = &d * &p;
        let (q, r) = n.div_mod_floor(&den);
        let twice: BigInt = &r * 2u32;
        let up = match twice.cmp(&den) {
            std::cmp::Ordering::Greater => true,
            std::cmp::Ordering::Equal => q.is_odd(),
            std::cmp::Ordering::Less => false,
        };
        let q = if up { q + 1 } else { q };
        let v = q * p;
        let f = biguint_to_f64(v.magnitude()).unwrap_or(f64::INFINITY);
        let f = if v.is_negative() { -f } else { f };
        f.copysign(x)
    };
    if r.is_infinite() {
        return Err(vm.new_overflow_error("rounded value too large to represent"));
    }
    Ok(r)
}

fn float_round(vm: &VM, args: &[PyObjectRef], kw: Option<&PyTupleRef>) -> PyResult {
    let x = this(vm, args, "__round__")?;
    let nd = crate::objects::longobject::round_arg(vm, "float", &args[1..], kw)?;
    match nd {
        Some(n) if !vm.is_none(&n) => {
            let n = vm.to_index(&n)?;
            let nd = match n.downcast_ref::<PyInt>() {
                Some(PyInt::Small(v)) => *v,
                Some(v) if v.is_negative() => i64::MIN,
                _ => i64::MAX,
            };
            Ok(vm.new_float(float_round_ndigits(vm, x, nd)?))
        }
        _ => f64_to_int(vm, x.round_ties_even()),
    }
}

fn float_getformat(vm: &VM, args: &[PyObjectRef], kw: Option<&PyTupleRef>) -> PyResult {
    let a = positional(
        vm,
        "float.__getformat__",
        args.get(1..).unwrap_or(&[]),
        kw,
        1,
        1,
    )?;
    let Some(s) = a[0].downcast_ref::<PyStr>() else {
        return Err(vm.new_type_error(format!(
            "__getformat__() argument must be str, not {}",
            crate::python::args::arg_type_name(&a[0])
        )));
    };
    match s.as_str() {
        "double" | "float" => Ok(vm.new_str_obj("IEEE, little-endian")),
        _ => Err(vm.new_value_error("__getformat__() argument 1 must be 'double' or 'float'")),
    }
}

/// `__divmod__` (arg 0) and `__rdivmod__` (arg 1), as slot wrappers.
fn wrap_float_divmod(
    vm: &VM,
    _t: &crate::object::PyTypeRef,
    arg: u32,
    args: &[PyObjectRef],
    kw: Option<&PyTupleRef>,
) -> PyResult {
    crate::objects::typeobject::typeobject_wrappers::wrap_divmod_with(
        vm,
        arg,
        args,
        kw,
        float_divmod,
    )
}

fn get_real(vm: &VM, a: &PyObjectRef) -> PyResult {
    let v = a.downcast_ref::<PyFloat>().map(|f| f.value).unwrap_or(0.0);
    if a.class().is(&vm.types.float_type) {
        return Ok(a.clone());
    }
    Ok(vm.new_float(v))
}

fn get_imag(vm: &VM, _a: &PyObjectRef) -> PyResult {
    Ok(vm.new_float(0.0))
}

pub(crate) fn init(vm: &VM) {
    let t = &vm.types.float_type;
    vm.add_method(t, "conjugate", float_conjugate);
    vm.add_method(t, "is_integer", float_is_integer);
    vm.add_method(t, "as_integer_ratio", float_as_integer_ratio);
    vm.add_method(t, "hex", float_hex_method);
    vm.add_classmethod(t, "fromhex", float_fromhex);
    vm.add_classmethod(t, "__getformat__", float_getformat);
    vm.add_method(t, "__trunc__", float_trunc);
    vm.add_method(t, "__floor__", float_floor);
    vm.add_method(t, "__ceil__", float_ceil);
    vm.add_method(t, "__round__", float_round);
    vm.add_method(t, "__getnewargs__", float_getnewargs);
    use crate::objects::typeobject::typeobject_wrappers::add_slot_wrapper;
    add_slot_wrapper(vm, t, "__divmod__", wrap_float_divmod, 0);
    add_slot_wrapper(vm, t, "__rdivmod__", wrap_float_divmod, 1);
    vm.add_getset(t, "real", get_real, None);
    vm.add_getset(t, "imag", get_imag, None);
}
