//! The number slots of `int` (CPython's `long_add`, `long_div`... in
//! Objects/longobject.c). Every operation first tries the machine-word
//! path with overflow checks and only builds `BigInt`s when it overflows
//! or an operand is already big.

use num_bigint::{BigInt, BigUint, Sign};
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

use super::PyInt;
use crate::object::PyObjectRef;
use crate::{PyResult, VM};

/// Shifting left by more than this many bits would need more memory than
/// any machine has; CPython fails such shifts too.
const MAX_SHIFT_BITS: u64 = 1 << 34;

#[inline]
fn pair<'a>(a: &'a PyObjectRef, b: &'a PyObjectRef) -> Option<(&'a PyInt, &'a PyInt)> {
    Some((a.downcast_ref::<PyInt>()?, b.downcast_ref::<PyInt>()?))
}

macro_rules! int_binop {
    ($name:ident, $checked:ident, $op:tt) => {
        pub(crate) fn $name(vm: &VM, a: &PyObjectRef, b: &PyObjectRef) -> PyResult {
            let Some((x, y)) = pair(a, b) else {
                return Ok(vm.not_implemented());
            };
            if let (PyInt::Small(x), PyInt::Small(y)) = (x, y) {
                if let Some(r) = x.$checked(*y) {
                    return Ok(vm.new_int(r));
                }
            }
            Ok(vm.new_bigint(x.to_bigint() $op y.to_bigint()))
        }
    };
}

int_binop!(int_add, checked_add, +);
int_binop!(int_sub, checked_sub, -);
int_binop!(int_mul, checked_mul, *);

macro_rules! int_bitop {
    ($name:ident, $op:tt) => {
        pub(crate) fn $name(vm: &VM, a: &PyObjectRef, b: &PyObjectRef) -> PyResult {
            let Some((x, y)) = pair(a, b) else {
                return Ok(vm.not_implemented());
            };
            if let (PyInt::Small(x), PyInt::Small(y)) = (x, y) {
                return Ok(vm.new_int(x $op y));
            }
            // num-bigint's bitwise operators use infinite two's complement,
            // which is exactly Python's semantics for negatives.
            Ok(vm.new_bigint(x.to_bigint() $op y.to_bigint()))
        }
    };
}

int_bitop!(int_and, &);
int_bitop!(int_or, |);
int_bitop!(int_xor, ^);

/// Floor division of machine words; `None` on overflow (`MIN // -1`).
#[inline]
pub fn floor_div_i64(x: i64, y: i64) -> Option<i64> {
    let q = x.checked_div(y)?;
    let r = x - q * y;
    if r != 0 && ((r < 0) != (y < 0)) {
        Some(q - 1)
    } else {
        Some(q)
    }
}

/// Python's `%` on machine words (result has the sign of `y`).
#[inline]
pub fn floor_mod_i64(x: i64, y: i64) -> i64 {
    if y == -1 {
        return 0;
    }
    let r = x % y;
    if r != 0 && ((r < 0) != (y < 0)) {
        r + y
    } else {
        r
    }
}

fn zero_div(vm: &VM) -> crate::PyBaseExceptionRef {
    vm.new_zero_division_error("integer division or modulo by zero")
}

pub(crate) fn int_floordiv(vm: &VM, a: &PyObjectRef, b: &PyObjectRef) -> PyResult {
    let Some((x, y)) = pair(a, b) else {
        return Ok(vm.not_implemented());
    };
    if let (PyInt::Small(x), PyInt::Small(y)) = (x, y) {
        if *y == 0 {
            return Err(zero_div(vm));
        }
        if let Some(q) = floor_div_i64(*x, *y) {
            return Ok(vm.new_int(q));
        }
    }
    let (x, y) = (x.to_bigint(), y.to_bigint());
    if y.is_zero() {
        return Err(zero_div(vm));
    }
    Ok(vm.new_bigint(x.div_floor(&y)))
}

pub(crate) fn int_mod(vm: &VM, a: &PyObjectRef, b: &PyObjectRef) -> PyResult {
    let Some((x, y)) = pair(a, b) else {
        return Ok(vm.not_implemented());
    };
    if let (PyInt::Small(x), PyInt::Small(y)) = (x, y) {
        if *y == 0 {
            return Err(vm.new_zero_division_error("integer modulo by zero"));
        }
        return Ok(vm.new_int(floor_mod_i64(*x, *y)));
    }
    let (x, y) = (x.to_bigint(), y.to_bigint());
    if y.is_zero() {
        return Err(vm.new_zero_division_error("integer modulo by zero"));
    }
    Ok(vm.new_bigint(x.mod_floor(&y)))
}

/// `divmod(a, b)` for two ints (NotImplemented otherwise); the `divmod`
/// builtin and `int.__divmod__` use it.
pub fn int_divmod(vm: &VM, a: &PyObjectRef, b: &PyObjectRef) -> PyResult {
    let Some((x, y)) = pair(a, b) else {
        return Ok(vm.not_implemented());
    };
    if let (PyInt::Small(x), PyInt::Small(y)) = (x, y) {
        if *y == 0 {
            return Err(zero_div(vm));
        }
        if let Some(q) = floor_div_i64(*x, *y) {
            let r = floor_mod_i64(*x, *y);
            return Ok(vm.new_tuple_obj(vec![vm.new_int(q), vm.new_int(r)]));
        }
    }
    let (x, y) = (x.to_bigint(), y.to_bigint());
    if y.is_zero() {
        return Err(zero_div(vm));
    }
    let (q, r) = x.div_mod_floor(&y);
    Ok(vm.new_tuple_obj(vec![vm.new_bigint(q), vm.new_bigint(r)]))
}

const TWO_53: u64 = 1 << 53;

pub(crate) fn int_truediv(vm: &VM, a: &PyObjectRef, b: &PyObjectRef) -> PyResult {
    let Some((x, y)) = pair(a, b) else {
        return Ok(vm.not_implemented());
    };
    if let (PyInt::Small(x), PyInt::Small(y)) = (x, y) {
        if *y == 0 {
            return Err(vm.new_zero_division_error("division by zero"));
        }
        // Both exactly representable: one IEEE division rounds correctly.
        if x.unsigned_abs() <= TWO_53 && y.unsigned_abs() <= TWO_53 {
            return Ok(vm.new_float(*x as f64 / *y as f64));
        }
    }
    let (x, y) = (x.to_bigint(), y.to_bigint());
    if y.is_zero() {
        return Err(vm.new_zero_division_error("division by zero"));
    }
    match true_divide(&x, &y) {
        Some(f) => Ok(vm.new_float(f)),
        None => Err(vm.new_overflow_error("integer division result too large for a float")),
    }
}

/// `2**e` for `-1074 <= e <= 1023`, built from its bits so subnormal
/// powers are exact.
pub fn pow2(e: i64) -> f64 {
    if e >= -1022 {
        f64::from_bits(((e + 1023) as u64) << 52)
    } else {
        f64::from_bits(1u64 << (e + 1074))
    }
}

/// Rounds `(m + ε) * 2**e` (ε in (0, 1) when `sticky`, else 0) to the
/// nearest double, ties to even; `None` if it overflows.
pub fn round_to_f64(m: u128, e: i64, sticky: bool) -> Option<f64> {
    if m == 0 {
        return Some(0.0);
    }
    let nbits = 128 - m.leading_zeros() as i64;
    let top = nbits - 1 + e;
    if top > 1023 {
        return None;
    }
    let lsb = (top - 52).max(-1074);
    let drop = lsb - e;
    let q = if drop <= 0 {
        m << (-drop) as u32
    } else if drop > 127 {
        0
    } else {
        let q = m >> drop as u32;
        let rem = m & ((1u128 << drop as u32) - 1);
        let half = 1u128 << (drop - 1) as u32;
        let up = rem > half || (rem == half && (sticky || q & 1 == 1));
        q + up as u128
    };
    let f = q as f64 * pow2(lsb);
    if f.is_infinite() {
        None
    } else {
        Some(f)
    }
}

/// Correctly rounded `|n|` as a double (`None`: too large).
pub fn biguint_to_f64(n: &BigUint) -> Option<f64> {
    let bits = n.bits();
    if bits <= 64 {
        return n.to_u64().map(|v| v as f64);
    }
    let shift = bits - 64;
    let m = (n >> shift).to_u64().unwrap_or(u64::MAX);
    let sticky = n.trailing_zeros().is_some_and(|tz| tz < shift);
    round_to_f64(m as u128, shift as i64, sticky)
}

/// Correctly rounded `a / b` (b != 0); `None` if the result overflows.
pub fn true_divide(a: &BigInt, b: &BigInt) -> Option<f64> {
    let neg = (a.sign() == Sign::Minus) != (b.sign() == Sign::Minus);
    let (a, b) = (a.magnitude(), b.magnitude());
    let signed = |f: f64| if neg { -f } else { f };
    if a.is_zero() {
        return Some(signed(0.0));
    }
    let diff = a.bits() as i64 - b.bits() as i64;
    if diff > 1025 {
        return None;
    }
    if diff < -1080 {
        return Some(signed(0.0));
    }
    // Scale so the integer quotient has at least 55 significant bits; the
    // remainder only matters as a sticky bit.
    let shift = 55 - diff;
    let (num, den) = if shift >= 0 {
        (a << shift as u64, b.clone())
    } else {
        (a.clone(), b << (-shift) as u64)
    };
    let (q, r) = num.div_rem(&den);
    let m = q.to_u128()?;
    round_to_f64(m, -shift, !r.is_zero()).map(signed)
}

pub(crate) fn int_lshift(vm: &VM, a: &PyObjectRef, b: &PyObjectRef) -> PyResult {
    let Some((x, y)) = pair(a, b) else {
        return Ok(vm.not_implemented());
    };
    if let (PyInt::Small(x), PyInt::Small(y)) = (x, y) {
        if *y < 0 {
            return Err(vm.new_value_error("negative shift count"));
        }
        if *x == 0 {
            return Ok(vm.new_int(0));
        }
        if *y < 63 {
            let r = x << y;
            if r >> y == *x {
                return Ok(vm.new_int(r));
            }
        }
    }
    if y.is_negative() {
        return Err(vm.new_value_error("negative shift count"));
    }
    if x.is_zero() {
        return Ok(vm.new_int(0));
    }
    let n = match y {
        PyInt::Small(v) => *v as u64,
        PyInt::Big(_) => return Err(vm.new_overflow_error("too many digits in integer")),
    };
    if n > MAX_SHIFT_BITS {
        return Err(vm.new_memory_error());
    }
    Ok(vm.new_bigint(x.to_bigint() << n))
}

pub(crate) fn int_rshift(vm: &VM, a: &PyObjectRef, b: &PyObjectRef) -> PyResult {
    let Some((x, y)) = pair(a, b) else {
        return Ok(vm.not_implemented());
    };
    if y.is_negative() {
        return Err(vm.new_value_error("negative shift count"));
    }
    let n = match y {
        PyInt::Small(v) => *v as u64,
        PyInt::Big(_) => u64::MAX,
    };
    match x {
        PyInt::Small(x) => Ok(vm.new_int(x >> n.min(63))),
        PyInt::Big(bx) => {
            if n >= bx.bits() {
                return Ok(vm.new_int(if bx.is_negative() { -1 } else { 0 }));
            }
            // Shr on a negative BigInt rounds toward -inf, as Python does.
            Ok(vm.new_bigint(&**bx >> n))
        }
    }
}

pub(crate) fn int_pow(vm: &VM, a: &PyObjectRef, b: &PyObjectRef) -> PyResult {
    let Some((x, y)) = pair(a, b) else {
        return Ok(vm.not_implemented());
    };
    if y.is_negative() {
        // A negative exponent makes it float arithmetic.
        let fx = super::int_to_f64(vm, x)?;
        let fy = super::int_to_f64(vm, y)?;
        return crate::objects::floatobject::float_pow_values(vm, fx, fy);
    }
    if let (PyInt::Small(bx), PyInt::Small(e)) = (x, y) {
        if let Ok(e32) = u32::try_from(*e) {
            if let Some(r) = bx.checked_pow(e32) {
                return Ok(vm.new_int(r));
            }
        }
    }
    let base = x.to_bigint();
    if base.is_zero() || base.is_one() {
        return Ok(vm.new_bigint(if y.is_zero() { BigInt::one() } else { base }));
    }
    let is_even = match y {
        PyInt::Small(v) => v & 1 == 0,
        PyInt::Big(b) => b.is_even(),
    };
    if base == BigInt::from(-1) {
        return Ok(vm.new_int(if is_even { 1 } else { -1 }));
    }
    let e = match y {
        PyInt::Small(v) => *v as u64,
        PyInt::Big(_) => return Err(vm.new_memory_error()),
    };
    if (base.bits() - 1).saturating_mul(e) > MAX_SHIFT_BITS {
        return Err(vm.new_memory_error());
    }
    Ok(vm.new_bigint(num_traits::Pow::pow(&base, e)))
}

/// `pow(a, b, m)`; `m` may be None (then it is `a ** b`).
pub(crate) fn int_pow_mod(vm: &VM, a: &PyObjectRef, b: &PyObjectRef, m: &PyObjectRef) -> PyResult {
    if vm.is_none(m) {
        return int_pow(vm, a, b);
    }
    let (Some((x, y)), Some(z)) = (pair(a, b), m.downcast_ref::<PyInt>()) else {
        return Ok(vm.not_implemented());
    };
    if z.is_zero() {
        return Err(vm.new_value_error("pow() 3rd argument cannot be 0"));
    }
    let m = z.to_bigint();
    let mm = m.abs();
    let mut base = x.to_bigint().mod_floor(&mm);
    let mut e = y.to_bigint();
    if e.is_negative() {
        base = match mod_inverse(&base, &mm) {
            Some(v) => v,
            None => return Err(vm.new_value_error("base is not invertible for the given modulus")),
        };
        e = -e;
    }
    let mut r = base.modpow(&e, &mm);
    if m.is_negative() && !r.is_zero() {
        r -= &mm;
    }
    Ok(vm.new_bigint(r))
}

/// The inverse of `a` modulo `m` (m > 0), if gcd(a, m) == 1.
fn mod_inverse(a: &BigInt, m: &BigInt) -> Option<BigInt> {
    let (mut old_r, mut r) = (a.mod_floor(m), m.clone());
    let (mut old_s, mut s) = (BigInt::one(), BigInt::zero());
    while !r.is_zero() {
        let q = old_r.div_floor(&r);
        let nr = &old_r - &q * &r;
        old_r = std::mem::replace(&mut r, nr);
        let ns = &old_s - &q * &s;
        old_s = std::mem::replace(&mut s, ns);
    }
    if old_r.is_one() {
        Some(old_s.mod_floor(m))
    } else if m.is_one() {
        Some(BigInt::zero())
    } else {
        None
    }
}

pub(crate) fn int_neg(vm: &VM, a: &PyObjectRef) -> PyResult {
    match a.downcast_ref::<PyInt>() {
        Some(PyInt::Small(v)) => match v.checked_neg() {
            Some(r) => Ok(vm.new_int(r)),
            None => Ok(vm.new_bigint(-BigInt::from(*v))),
        },
        Some(PyInt::Big(b)) => Ok(vm.new_bigint(-(**b).clone())),
        None => Ok(vm.not_implemented()),
    }
}

pub(crate) fn int_abs(vm: &VM, a: &PyObjectRef) -> PyResult {
    match a.downcast_ref::<PyInt>() {
        Some(PyInt::Small(v)) => match v.checked_abs() {
            Some(r) => Ok(vm.new_int(r)),
            None => Ok(vm.new_bigint(BigInt::from(*v).abs())),
        },
        Some(PyInt::Big(b)) => Ok(vm.new_bigint(b.abs())),
        None => Ok(vm.not_implemented()),
    }
}

pub(crate) fn int_invert(vm: &VM, a: &PyObjectRef) -> PyResult {
    match a.downcast_ref::<PyInt>() {
        Some(PyInt::Small(v)) => Ok(vm.new_int(!v)),
        Some(PyInt::Big(b)) => Ok(vm.new_bigint(-(**b).clone() - 1)),
        None => Ok(vm.not_implemented()),
    }
}

/// `+x`, `int(x)`, `x.__index__()`: the value as an exact `int`.
pub(crate) fn int_pos(vm: &VM, a: &PyObjectRef) -> PyResult {
    if a.class().is(&vm.types.int_type) {
        return Ok(a.clone());
    }
    match a.downcast_ref::<PyInt>() {
        Some(PyInt::Small(v)) => Ok(vm.new_int(*v)),
        Some(PyInt::Big(b)) => Ok(vm.new_bigint((**b).clone())),
        None => Ok(vm.not_implemented()),
    }
}

pub(crate) fn int_bool(_vm: &VM, a: &PyObjectRef) -> PyResult<bool> {
    Ok(a.downcast_ref::<PyInt>().is_some_and(|i| !i.is_zero()))
}

pub(crate) fn int_float(vm: &VM, a: &PyObjectRef) -> PyResult {
    match a.downcast_ref::<PyInt>() {
        Some(i) => Ok(vm.new_float(super::int_to_f64(vm, i)?)),
        None => Ok(vm.not_implemented()),
    }
}

/// `2**e` for any exponent (0 or inf outside the double range).
pub fn pow2_wide(e: i64) -> f64 {
    if e > 1023 {
        f64::INFINITY
    } else if e < -1074 {
        0.0
    } else {
        pow2(e)
    }
}

/// C's `ldexp`: `x * 2**e` rounded once (subnormal results included).
pub fn ldexp(x: f64, e: i64) -> f64 {
    if x == 0.0 || !x.is_finite() {
        return x;
    }
    let bits = x.to_bits();
    let raw = ((bits >> 52) & 0x7ff) as i64;
    let mant = bits & ((1u64 << 52) - 1);
    let (m, ex) = if raw == 0 {
        (mant, -1074)
    } else {
        (mant | (1 << 52), raw - 1075)
    };
    let e = e.clamp(-(1 << 40), 1 << 40);
    match round_to_f64(m as u128, ex + e, false) {
        Some(r) => r.copysign(x),
        None => f64::INFINITY.copysign(x),
    }
}
