//! The `math` module (CPython's Modules/mathmodule.c). Elementary
//! functions come from the platform libm through Rust's `f64` methods, so
//! results match CPython bit for bit; CPython's own algorithms (gamma,
//! lgamma, fsum, hypot, sumprod, the integer functions) are reimplemented
//! in the `math_*` submodules.

use num_bigint::Sign;

use crate::object::PyObjectRef;
use crate::objects::floatobject::PyFloat;
use crate::objects::longobject::long_ops::round_to_f64;
use crate::objects::longobject::{f64_to_int, PyInt};
use crate::objects::tupleobject::PyTupleRef;
use crate::{PyResult, VM};

#[path = "math_integer.rs"]
mod math_integer;
#[path = "math_special.rs"]
pub mod math_special;
#[path = "math_sum.rs"]
pub mod math_sum;

use math_special::MathErr;

const DOC: &str =
    "This module provides access to the mathematical functions\ndefined by the C standard.";

fn domain(vm: &VM) -> crate::PyBaseExceptionRef {
    vm.new_value_error("math domain error")
}

fn range(vm: &VM) -> crate::PyBaseExceptionRef {
    vm.new_overflow_error("math range error")
}

fn math_err(vm: &VM, e: MathErr) -> crate::PyBaseExceptionRef {
    match e {
        MathErr::Domain => domain(vm),
        MathErr::Range => range(vm),
    }
}

fn no_kw(vm: &VM, fname: &str, kw: Option<&PyTupleRef>) -> PyResult<()> {
    if kw.is_some_and(|k| !k.payload.is_empty()) {
        return Err(vm.new_type_error(format!("{fname}() takes no keyword arguments")));
    }
    Ok(())
}

/// A METH_O function's single argument.
fn one<'a>(
    vm: &VM,
    name: &str,
    args: &'a [PyObjectRef],
    kw: Option<&PyTupleRef>,
) -> PyResult<&'a PyObjectRef> {
    if kw.is_some_and(|k| !k.payload.is_empty()) {
        return Err(vm.new_type_error(format!("math.{name}() takes no keyword arguments")));
    }
    match args {
        [x] => Ok(x),
        _ => Err(vm.new_type_error(format!(
            "math.{name}() takes exactly one argument ({} given)",
            args.len()
        ))),
    }
}

/// Exactly `n` positional arguments (Argument Clinic's message).
fn fixed<'a>(
    vm: &VM,
    name: &str,
    args: &'a [PyObjectRef],
    kw: Option<&PyTupleRef>,
    n: usize,
) -> PyResult<&'a [PyObjectRef]> {
    no_kw(vm, name, kw)?;
    if args.len() != n {
        return Err(vm.new_type_error(format!("{name} expected {n} arguments, got {}", args.len())));
    }
    Ok(args)
}

fn float_arg(vm: &VM, o: &PyObjectRef) -> PyResult<f64> {
    if let Some(f) = o.downcast_ref::<PyFloat>() {
        return Ok(f.value);
    }
    vm.to_f64(o)
}

/// CPython's `math_1`: a NaN from a non-NaN is a domain error; an infinity
/// from a finite input is a range error when the function can overflow.
fn math_1(vm: &VM, x: f64, f: fn(f64) -> f64, can_overflow: bool) -> PyResult {
    let r = f(x);
    if r.is_nan() && !x.is_nan() {
        return Err(domain(vm));
    }
    if r.is_infinite() && x.is_finite() {
        return Err(if can_overflow { range(vm) } else { domain(vm) });
    }
    Ok(vm.new_float(r))
}

macro_rules! func1 {
    ($name:ident, $py:literal, $f:expr, $ovf:expr) => {
        fn $name(vm: &VM, args: &[PyObjectRef], kw: Option<&PyTupleRef>) -> PyResult {
            let x = float_arg(vm, one(vm, $py, args, kw)?)?;
            math_1(vm, x, $f, $ovf)
        }
    };
}

func1!(m_acos, "acos", f64::acos, false);
func1!(m_acosh, "acosh", math_special::acosh, false);
func1!(m_asin, "asin", f64::asin, false);
func1!(m_asinh, "asinh", math_special::asinh, false);
func1!(m_atan, "atan", f64::atan, false);
func1!(m_atanh, "atanh", math_special::atanh, false);
func1!(m_cbrt, "cbrt", math_special::cbrt, false);
func1!(m_cos, "cos", f64::cos, false);
func1!(m_cosh, "cosh", f64::cosh, true);
func1!(m_erf, "erf", math_special::erf, false);
func1!(m_erfc, "erfc", math_special::erfc, false);
func1!(m_exp, "exp", f64::exp, true);
func1!(m_exp2, "exp2", f64::exp2, true);
func1!(m_expm1, "expm1", f64::exp_m1, true);
func1!(m_fabs, "fabs", f64::abs, false);
func1!(m_log1p, "log1p", f64::ln_1p, false);
func1!(m_sin, "sin", f64::sin, false);
func1!(m_sinh, "sinh", f64::sinh, true);
func1!(m_sqrt, "sqrt", f64::sqrt, false);
func1!(m_tan, "tan", f64::tan, false);
func1!(m_tanh, "tanh", f64::tanh, false);

fn m_gamma(vm: &VM, args: &[PyObjectRef], kw: Option<&PyTupleRef>) -> PyResult {
    let x = float_arg(vm, one(vm, "gamma", args, kw)?)?;
    match math_special::gamma(x) {
        Ok(r) => Ok(vm.new_float(r)),
        Err(e) => Err(math_err(vm, e)),
    }
}

fn m_lgamma(vm: &VM, args: &[PyObjectRef], kw: Option<&PyTupleRef>) -> PyResult {
    let x = float_arg(vm, one(vm, "lgamma", args, kw)?)?;
    match math_special::lgamma(x) {
        Ok(r) => Ok(vm.new_float(r)),
        Err(e) => Err(math_err(vm, e)),
    }
}

fn m_degrees(vm: &VM, args: &[PyObjectRef], kw: Option<&PyTupleRef>) -> PyResult {
    let x = float_arg(vm, one(vm, "degrees", args, kw)?)?;
    Ok(vm.new_float(x * (180.0 / std::f64::consts::PI)))
}

fn m_radians(vm: &VM, args: &[PyObjectRef], kw: Option<&PyTupleRef>) -> PyResult {
    let x = float_arg(vm, one(vm, "radians", args, kw)?)?;
    Ok(vm.new_float(x * (std::f64::consts::PI / 180.0)))
}

fn m_isfinite(vm: &VM, args: &[PyObjectRef], kw: Option<&PyTupleRef>) -> PyResult {
    let x = float_arg(vm, one(vm, "isfinite", args, kw)?)?;
    Ok(vm.new_bool(x.is_finite()))
}

fn m_isinf(vm: &VM, args: &[PyObjectRef], kw: Option<&PyTupleRef>) -> PyResult {
    let x = float_arg(vm, one(vm, "isinf", args, kw)?)?;
    Ok(vm.new_bool(x.is_infinite()))
}

fn m_isnan(vm: &VM, args: &[PyObjectRef], kw: Option<&PyTupleRef>) -> PyResult {
    let x = float_arg(vm, one(vm, "isnan", args, kw)?)?;
    Ok(vm.new_bool(x.is_nan()))
}

/// `_PyLong_Frexp`: `|n| = x * 2**e` with x in [0.5, 1), x rounded to 53
/// bits.
fn int_frexp(i: &PyInt) -> (f64, i64) {
    let b = i.to_bigint();
    let mag = b.magnitude();
    let bits = mag.bits() as i64;
    let shift = (bits - 64).max(0) as u64;
    let top = (mag >> shift).iter_u64_digits().next().unwrap_or(0);
    let sticky = mag.trailing_zeros().is_some_and(|tz| tz < shift);
    let x = round_to_f64(top as u128, shift as i64 - bits, sticky).unwrap_or(1.0);
    if x == 1.0 {
        (0.5, bits + 1)
    } else {
        (x, bits)
    }
}

/// The log of any positive number, ints too large for a double included.
fn loghelper(vm: &VM, arg: &PyObjectRef, f: fn(f64) -> f64) -> PyResult<f64> {
    if let Some(i) = arg.downcast_ref::<PyInt>() {
        if i.is_negative() || i.is_zero() {
            return Err(domain(vm));
        }
        return match i.to_f64_opt() {
            Some(x) => Ok(f(x)),
            None => {
                let (x, e) = int_frexp(i);
                Ok(f(x) + f(2.0) * e as f64)
            }
        };
    }
    let x = float_arg(vm, arg)?;
    if x.is_nan() {
        return Ok(x);
    }
    if x <= 0.0 || x == f64::NEG_INFINITY {
        return Err(domain(vm));
    }
    Ok(f(x))
}

fn m_log(vm: &VM, args: &[PyObjectRef], kw: Option<&PyTupleRef>) -> PyResult {
    no_kw(vm, "log", kw)?;
    match args {
        [x] => Ok(vm.new_float(loghelper(vm, x, f64::ln)?)),
        [x, base] => {
            let num = loghelper(vm, x, f64::ln)?;
            let den = loghelper(vm, base, f64::ln)?;
            if den == 0.0 {
                return Err(vm.new_zero_division_error("float division by zero"));
            }
            Ok(vm.new_float(num / den))
        }
        [] => Err(vm.new_type_error("log expected at least 1 argument, got 0")),
        _ => Err(vm.new_type_error(format!(
            "log expected at most 2 arguments, got {}",
            args.len()
        ))),
    }
}

fn m_log2(vm: &VM, args: &[PyObjectRef], kw: Option<&PyTupleRef>) -> PyResult {
    let x = one(vm, "log2", args, kw)?;
    Ok(vm.new_float(loghelper(vm, x, f64::log2)?))
}

fn m_log10(vm: &VM, args: &[PyObjectRef], kw: Option<&PyTupleRef>) -> PyResult {
    let x = one(vm, "log10", args, kw)?;
    Ok(vm.new_float(loghelper(vm, x, f64::log10)?))
}

fn two_floats(
    vm: &VM,
    name: &str,
    args: &[PyObjectRef],
    kw: Option<&PyTupleRef>,
) -> PyResult<(f64, f64)> {
    let a = fixed(vm, name, args, kw, 2)?;
    Ok((float_arg(vm, &a[0])?, float_arg(vm, &a[1])?))
}

fn m_atan2(vm: &VM, args: &[PyObjectRef], kw: Option<&PyTupleRef>) -> PyResult {
    let (y, x) = two_floats(vm, "atan2", args, kw)?;
    Ok(vm.new_float(y.atan2(x)))
}

fn m_copysign(vm: &VM, args: &[PyObjectRef], kw: Option<&PyTupleRef>) -> PyResult {
    let (x, y) = two_floats(vm, "copysign", args, kw)?;
    Ok(vm.new_float(x.copysign(y)))
}

fn m_fmod(vm: &VM, args: &[PyObjectRef], kw: Option<&PyTupleRef>) -> PyResult {
    let (x, y) = two_floats(vm, "fmod", args, kw)?;
    if y.is_infinite() && x.is_finite() {
        return Ok(vm.new_float(x));
    }
    let r = x % y;
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(domain(vm));
    }
    Ok(vm.new_float(r))
}

fn m_remainder(vm: &VM, args: &[PyObjectRef], kw: Option<&PyTupleRef>) -> PyResult {
    let (x, y) = two_floats(vm, "remainder", args, kw)?;
    if x.is_finite() && y.is_finite() {
        if y == 0.0 {
            return Err(domain(vm));
        }
        let (ax, ay) = (x.abs(), y.abs());
        let m = ax % ay;
        let c = ay - m;
        // Round half to even on the quotient.
        let r = if m < c {
            m
        } else if m > c {
            -c
        } else {
            m - 2.0 * ((0.5 * (ax - m)) % ay)
        };
        return Ok(vm.new_float(1.0f64.copysign(x) * r));
    }
    if x.is_nan() {
        return Ok(vm.new_float(x));
    }
    if y.is_nan() {
        return Ok(vm.new_float(y));
    }
    if x.is_infinite() {
        return Err(domain(vm));
    }
    Ok(vm.new_float(x))
}

fn m_pow(vm: &VM, args: &[PyObjectRef], kw: Option<&PyTupleRef>) -> PyResult {
    let (x, y) = two_floats(vm, "pow", args, kw)?;
    let r = if !x.is_finite() || !y.is_finite() {
        if x.is_nan() {
            if y == 0.0 {
                1.0
            } else {
                x
            }
        } else if y.is_nan() {
            if x == 1.0 {
                1.0
            } else {
                y
            }
        } else if x.is_infinite() {
            let odd_y = y.is_finite() && (y.abs() % 2.0) == 1.0;
            if y > 0.0 {
                if odd_y {
                    x
                } else {
                    x.abs()
                }
            } else if y == 0.0 {
                1.0
            } else if odd_y {
                0.0f64.copysign(x)
            } else {
                0.0
            }
        } else if x.abs() == 1.0 {
            1.0
        } else if y > 0.0 && x.abs() > 1.0 {
            y
        } else if y < 0.0 && x.abs() < 1.0 {
            -y
        } else {
            0.0
        }
    } else {
        let r = x.powf(y);
        if r.is_nan() {
            return Err(domain(vm));
        }
        if r.is_infinite() {
            return Err(if x == 0.0 { domain(vm) } else { range(vm) });
        }
        r
    };
    Ok(vm.new_float(r))
}

fn m_fma(vm: &VM, args: &[PyObjectRef], kw: Option<&PyTupleRef>) -> PyResult {
    let a = fixed(vm, "fma", args, kw, 3)?;
    let (x, y, z) = (
        float_arg(vm, &a[0])?,
        float_arg(vm, &a[1])?,
        float_arg(vm, &a[2])?,
    );
    let r = x.mul_add(y, z);
    if r.is_nan() && !x.is_nan() && !y.is_nan() && !z.is_nan() {
        return Err(vm.new_value_error("invalid operation in fma"));
    }
    if r.is_infinite() && x.is_finite() && y.is_finite() && z.is_finite() {
        return Err(vm.new_overflow_error("overflow in fma"));
    }
    Ok(vm.new_float(r))
}

fn m_ldexp(vm: &VM, args: &[PyObjectRef], kw: Option<&PyTupleRef>) -> PyResult {
    let a = fixed(vm, "ldexp", args, kw, 2)?;
    let x = float_arg(vm, &a[0])?;
    let Some(i) = a[1].downcast_ref::<PyInt>() else {
        return Err(vm.new_type_error("Expected an int as second argument to ldexp."));
    };
    if x == 0.0 || !x.is_finite() {
        return Ok(vm.new_float(x));
    }
    let exp = match i {
        PyInt::Small(v) => (*v).clamp(-(1 << 40), 1 << 40),
        PyInt::Big(b) => {
            if b.sign() == Sign::Minus {
                -(1 << 40)
            } else {
                1 << 40
            }
        }
    };
    let (n, d) = crate::objects::floatobject::exact_ratio_parts(x);
    match round_to_f64(n as u128, d + exp, false) {
        Some(r) => Ok(vm.new_float(r.copysign(x))),
        None => Err(range(vm)),
    }
}

fn m_frexp(vm: &VM, args: &[PyObjectRef], kw: Option<&PyTupleRef>) -> PyResult {
    let x = float_arg(vm, one(vm, "frexp", args, kw)?)?;
    if x == 0.0 || !x.is_finite() {
        return Ok(vm.new_tuple_obj(vec![vm.new_float(x), vm.new_int(0)]));
    }
    let e = math_sum::frexp_exp(x);
    let (n, d) = crate::objects::floatobject::exact_ratio_parts(x);
    let m = round_to_f64(n as u128, d - e as i64, false).unwrap_or(0.5);
    Ok(vm.new_tuple_obj(vec![vm.new_float(m.copysign(x)), vm.new_int(e as i64)]))
}

fn m_modf(vm: &VM, args: &[PyObjectRef], kw: Option<&PyTupleRef>) -> PyResult {
    let x = float_arg(vm, one(vm, "modf", args, kw)?)?;
    let (f, i) = if x.is_infinite() {
        (0.0f64.copysign(x), x)
    } else if x.is_nan() {
        (x, x)
    } else {
        (x.fract().copysign(x), x.trunc())
    };
    Ok(vm.new_tuple_obj(vec![vm.new_float(f), vm.new_float(i)]))
}

fn m_trunc(vm: &VM, args: &[PyObjectRef], kw: Option<&PyTupleRef>) -> PyResult {
    let x = one(vm, "trunc", args, kw)?;
    if x.class().is(&vm.types.float_type) {
        return f64_to_int(vm, float_arg(vm, x)?);
    }
    match vm.lookup_special(x, "__trunc__")? {
        Some(m) => vm.call0(&m),
        None => Err(vm.new_type_error(format!(
            "type {} doesn't define __trunc__ method",
            x.class().name_string()
        ))),
    }
}

fn round_via(vm: &VM, x: &PyObjectRef, dunder: &str, f: fn(f64) -> f64) -> PyResult {
    if x.class().is(&vm.types.float_type) {
        return f64_to_int(vm, f(float_arg(vm, x)?));
    }
    if x.class().is(&vm.types.int_type) {
        return Ok(x.clone());
    }
    if let Some(m) = vm.lookup_special(x, dunder)? {
        return vm.call0(&m);
    }
    f64_to_int(vm, f(float_arg(vm, x)?))
}

fn m_floor(vm: &VM, args: &[PyObjectRef], kw: Option<&PyTupleRef>) -> PyResult {
    round_via(vm, one(vm, "floor", args, kw)?, "__floor__", f64::floor)
}

fn m_ceil(vm: &VM, args: &[PyObjectRef], kw: Option<&PyTupleRef>) -> PyResult {
    round_via(vm, one(vm, "ceil", args, kw)?, "__ceil__", f64::ceil)
}

fn m_isclose(vm: &VM, args: &[PyObjectRef], kw: Option<&PyTupleRef>) -> PyResult {
    let nkw = kw.map(|k| k.payload.len()).unwrap_or(0);
    let npos = args.len() - nkw;
    if npos > 2 {
        return Err(vm.new_type_error(format!(
            "isclose() takes exactly 2 positional arguments ({npos} given)"
        )));
    }
    let [a, b, rel, abs] = crate::python::args::bind(
        vm,
        "isclose",
        args,
        kw,
        ["a", "b", "rel_tol", "abs_tol"],
        2,
        0,
    )?;
    let a = float_arg(vm, a.as_ref().unwrap_or(&vm.none()))?;
    let b = float_arg(vm, b.as_ref().unwrap_or(&vm.none()))?;
    let rel = match rel {
        Some(r) => float_arg(vm, &r)?,
        None => 1e-9,
    };
    let abs_tol = match abs {
        Some(r) => float_arg(vm, &r)?,
        None => 0.0,
    };
    if rel < 0.0 || abs_tol < 0.0 {
        return Err(vm.new_value_error("tolerances must be non-negative"));
    }
    if a == b {
        return Ok(vm.new_bool(true));
    }
    if a.is_infinite() || b.is_infinite() {
        return Ok(vm.new_bool(false));
    }
    let diff = (b - a).abs();
    Ok(vm.new_bool(diff <= (rel * b).abs() || diff <= (rel * a).abs() || diff <= abs_tol))
}

/// `nextafter(x, y)` taken `steps` times, by stepping the bit patterns.
pub fn next_after(x: f64, y: f64, steps: u64) -> f64 {
    if steps == 0 || x.is_nan() {
        return x;
    }
    if y.is_nan() {
        return y;
    }
    let (ux, uy) = (x.to_bits(), y.to_bits());
    if ux == uy {
        return x;
    }
    const SIGN: u64 = 1 << 63;
    let (ax, ay) = (ux & !SIGN, uy & !SIGN);
    if (ux ^ uy) & SIGN != 0 {
        if ax + ay <= steps {
            y
        } else if ax < steps {
            f64::from_bits((uy & SIGN) | (steps - ax))
        } else {
            f64::from_bits(ux - steps)
        }
    } else if ax > ay {
        if ax - ay >= steps {
            f64::from_bits(ux - steps)
        } else {
            y
        }
    } else if ay - ax >= steps {
        f64::from_bits(ux + steps)
    } else {
        y
    }
}

fn m_nextafter(vm: &VM, args: &[PyObjectRef], kw: Option<&PyTupleRef>) -> PyResult {
    let npos = args.len() - kw.map(|k| k.payload.len()).unwrap_or(0);
    if npos > 2 {
        return Err(vm.new_type_error(format!(
            "nextafter() takes exactly 2 positional arguments ({npos} given)"
        )));
    }
    let [x, y, steps] =
        crate::python::args::bind(vm, "nextafter", args, kw, ["x", "y", "steps"], 2, 2)?;
    let x = float_arg(vm, x.as_ref().unwrap_or(&vm.none()))?;
    let y = float_arg(vm, y.as_ref().unwrap_or(&vm.none()))?;
    let steps = match steps {
        Some(s) if !vm.is_none(&s) => {
            let i = vm.to_index(&s)?;
            match i.downcast_ref::<PyInt>() {
                Some(v) if v.is_negative() => {
                    return Err(vm.new_value_error("steps must be a non-negative integer"))
                }
                Some(PyInt::Small(v)) => *v as u64,
                _ => u64::MAX,
            }
        }
        _ => 1,
    };
    Ok(vm.new_float(next_after(x, y, steps)))
}

fn m_ulp(vm: &VM, args: &[PyObjectRef], kw: Option<&PyTupleRef>) -> PyResult {
    let x = float_arg(vm, one(vm, "ulp", args, kw)?)?;
    if x.is_nan() {
        return Ok(vm.new_float(x));
    }
    let x = x.abs();
    if x.is_infinite() {
        return Ok(vm.new_float(x));
    }
    let x2 = next_after(x, f64::INFINITY, 1);
    if x2.is_infinite() {
        let x2 = next_after(x, f64::NEG_INFINITY, 1);
        return Ok(vm.new_float(x - x2));
    }
    Ok(vm.new_float(x2 - x))
}

fn m_hypot(vm: &VM, args: &[PyObjectRef], kw: Option<&PyTupleRef>) -> PyResult {
    no_kw(vm, "hypot", kw)?;
    Ok(vm.new_float(math_sum::hypot(vm, args)?))
}

fn m_dist(vm: &VM, args: &[PyObjectRef], kw: Option<&PyTupleRef>) -> PyResult {
    let a = fixed(vm, "dist", args, kw, 2)?;
    Ok(vm.new_float(math_sum::dist(vm, &a[0], &a[1])?))
}

fn m_fsum(vm: &VM, args: &[PyObjectRef], kw: Option<&PyTupleRef>) -> PyResult {
    let x = one(vm, "fsum", args, kw)?;
    Ok(vm.new_float(math_sum::fsum(vm, x)?))
}

fn m_sumprod(vm: &VM, args: &[PyObjectRef], kw: Option<&PyTupleRef>) -> PyResult {
    let a = fixed(vm, "sumprod", args, kw, 2)?;
    math_sum::sumprod(vm, &a[0], &a[1])
}

fn m_prod(vm: &VM, args: &[PyObjectRef], kw: Option<&PyTupleRef>) -> PyResult {
    let nkw = kw.map(|k| k.payload.len()).unwrap_or(0);
    if args.len() - nkw > 1 {
        return Err(vm.new_type_error(format!(
            "prod() takes exactly 1 positional argument ({} given)",
            args.len() - nkw
        )));
    }
    let [it, start] = crate::python::args::bind(vm, "prod", args, kw, ["iterable", "start"], 1, 1)?;
    let it = it.unwrap_or_else(|| vm.none());
    math_sum::prod(vm, &it, start.unwrap_or_else(|| vm.new_int(1)))
}

fn m_gcd(vm: &VM, args: &[PyObjectRef], kw: Option<&PyTupleRef>) -> PyResult {
    no_kw(vm, "gcd", kw)?;
    math_integer::gcd(vm, args)
}

fn m_lcm(vm: &VM, args: &[PyObjectRef], kw: Option<&PyTupleRef>) -> PyResult {
    no_kw(vm, "lcm", kw)?;
    math_integer::lcm(vm, args)
}

fn m_isqrt(vm: &VM, args: &[PyObjectRef], kw: Option<&PyTupleRef>) -> PyResult {
    math_integer::isqrt(vm, one(vm, "isqrt", args, kw)?)
}

fn m_factorial(vm: &VM, args: &[PyObjectRef], kw: Option<&PyTupleRef>) -> PyResult {
    math_integer::factorial(vm, one(vm, "factorial", args, kw)?)
}

fn m_comb(vm: &VM, args: &[PyObjectRef], kw: Option<&PyTupleRef>) -> PyResult {
    let a = fixed(vm, "comb", args, kw, 2)?;
    math_integer::comb(vm, &a[0], &a[1])
}

fn m_perm(vm: &VM, args: &[PyObjectRef], kw: Option<&PyTupleRef>) -> PyResult {
    no_kw(vm, "perm", kw)?;
    match args {
        [n] => math_integer::perm(vm, n, None),
        [n, k] if vm.is_none(k) => math_integer::perm(vm, n, None),
        [n, k] => math_integer::perm(vm, n, Some(k)),
        [] => Err(vm.new_type_error("perm expected at least 1 argument, got 0")),
        _ => Err(vm.new_type_error(format!(
            "perm expected at most 2 arguments, got {}",
            args.len()
        ))),
    }
}

/// Builds the `math` module object (called by the import system).
pub fn make_module(vm: &VM) -> PyResult<PyObjectRef> {
    let m = vm.new_module("math", Some(DOC));
    let d = &m.payload.dict.payload;
    let mo = m.as_object();
    let funcs: &[(&'static str, crate::objects::methodobject::NativeFn)] = &[
        ("acos", m_acos),
        ("acosh", m_acosh),
        ("asin", m_asin),
        ("asinh", m_asinh),
        ("atan", m_atan),
        ("atan2", m_atan2),
        ("atanh", m_atanh),
        ("cbrt", m_cbrt),
        ("ceil", m_ceil),
        ("comb", m_comb),
        ("copysign", m_copysign),
        ("cos", m_cos),
        ("cosh", m_cosh),
        ("degrees", m_degrees),
        ("dist", m_dist),
        ("erf", m_erf),
        ("erfc", m_erfc),
        ("exp", m_exp),
        ("exp2", m_exp2),
        ("expm1", m_expm1),
        ("fabs", m_fabs),
        ("factorial", m_factorial),
        ("floor", m_floor),
        ("fma", m_fma),
        ("fmod", m_fmod),
        ("frexp", m_frexp),
        ("fsum", m_fsum),
        ("gamma", m_gamma),
        ("gcd", m_gcd),
        ("hypot", m_hypot),
        ("isclose", m_isclose),
        ("isfinite", m_isfinite),
        ("isinf", m_isinf),
        ("isnan", m_isnan),
        ("isqrt", m_isqrt),
        ("lcm", m_lcm),
        ("ldexp", m_ldexp),
        ("lgamma", m_lgamma),
        ("log", m_log),
        ("log10", m_log10),
        ("log1p", m_log1p),
        ("log2", m_log2),
        ("modf", m_modf),
        ("nextafter", m_nextafter),
        ("perm", m_perm),
        ("pow", m_pow),
        ("prod", m_prod),
        ("radians", m_radians),
        ("remainder", m_remainder),
        ("sin", m_sin),
        ("sinh", m_sinh),
        ("sqrt", m_sqrt),
        ("sumprod", m_sumprod),
        ("tan", m_tan),
        ("tanh", m_tanh),
        ("trunc", m_trunc),
        ("ulp", m_ulp),
    ];
    for (name, f) in funcs {
        vm.add_function(d, mo, name, *f);
    }
    d.set_str(vm, "pi", vm.new_float(std::f64::consts::PI));
    d.set_str(vm, "e", vm.new_float(std::f64::consts::E));
    d.set_str(vm, "tau", vm.new_float(std::f64::consts::TAU));
    d.set_str(vm, "inf", vm.new_float(f64::INFINITY));
    d.set_str(vm, "nan", vm.new_float(f64::NAN));
    Ok(m.into_object())
}

#[cfg(test)]
#[path = "math_tests.rs"]
mod tests;
