//! `float.hex()` and `float.fromhex()` (Objects/floatobject.c).

use crate::float_repr::repr;
use num_bigint::BigUint;
use num_traits::{One, ToPrimitive, Zero};

/// `float.fromhex` failure: the exception class and message.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FromHexError {
    /// ValueError: invalid hexadecimal floating-point string
    Invalid,
    /// OverflowError: hexadecimal value too large to represent as a float
    Overflow,
}

impl FromHexError {
    pub fn message(self) -> &'static str {
        match self {
            FromHexError::Invalid => "invalid hexadecimal floating-point string",
            FromHexError::Overflow => "hexadecimal value too large to represent as a float",
        }
    }
}

/// `x.hex()`: `0x1.8000000000000p+0`, `-0x0.0p+0`, `inf`, `nan`.
pub fn to_hex(x: f64) -> String {
    if !x.is_finite() {
        return repr(x);
    }
    let sign = if x.is_sign_negative() { "-" } else { "" };
    if x == 0.0 {
        return format!("{sign}0x0.0p+0");
    }
    let bits = x.to_bits();
    let raw_exp = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1u64 << 52) - 1);
    let (lead, exp) = if raw_exp == 0 {
        (0, -1022)
    } else {
        (1, raw_exp - 1023)
    };
    let esign = if exp < 0 { '-' } else { '+' };
    format!("{sign}0x{lead}.{frac:013x}p{esign}{}", exp.unsigned_abs())
}

fn is_c_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r')
}

fn hex_value(b: u8) -> Option<u32> {
    (b as char).to_digit(16)
}

/// `2**e * x` without intermediate overflow or double rounding, for results
/// that are exactly representable.
fn ldexp(mut x: f64, mut e: i64) -> f64 {
    let p = |n: i64| f64::from_bits(((n + 1023) as u64) << 52);
    while e > 1000 {
        x *= p(1000);
        e -= 1000;
    }
    while e < -1000 {
        x *= p(-1000);
        e += 1000;
    }
    x * p(e)
}

/// `float.fromhex(s)`.
pub fn from_hex(s: &str) -> Result<f64, FromHexError> {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() && is_c_space(b[i]) {
        i += 1;
    }
    let mut end = b.len();
    while end > i && is_c_space(b[end - 1]) {
        end -= 1;
    }
    let body = &b[i..end];
    let (negative, rest) = match body.first() {
        Some(b'-') => (true, &body[1..]),
        Some(b'+') => (false, &body[1..]),
        _ => (false, body),
    };
    let lower = rest.to_ascii_lowercase();
    match lower.as_slice() {
        b"inf" | b"infinity" => {
            return Ok(if negative {
                f64::NEG_INFINITY
            } else {
                f64::INFINITY
            })
        }
        b"nan" => return Ok(if negative { -f64::NAN } else { f64::NAN }),
        _ => {}
    }
    let mut j = 0;
    if lower.starts_with(b"0x") {
        j = 2;
    }
    let mut mantissa = BigUint::zero();
    let mut ndigits = 0usize;
    let mut fdigits = 0i64;
    while let Some(d) = lower.get(j).and_then(|&c| hex_value(c)) {
        mantissa = (mantissa << 4u32) + d;
        ndigits += 1;
        j += 1;
    }
    if lower.get(j) == Some(&b'.') {
        j += 1;
        while let Some(d) = lower.get(j).and_then(|&c| hex_value(c)) {
            mantissa = (mantissa << 4u32) + d;
            ndigits += 1;
            fdigits += 1;
            j += 1;
        }
    }
    if ndigits == 0 {
        return Err(FromHexError::Invalid);
    }
    let mut exp: i64 = 0;
    if lower.get(j) == Some(&b'p') {
        j += 1;
        let mut exp_negative = false;
        if let Some(&c @ (b'+' | b'-')) = lower.get(j) {
            exp_negative = c == b'-';
            j += 1;
        }
        if !lower.get(j).is_some_and(|c| c.is_ascii_digit()) {
            return Err(FromHexError::Invalid);
        }
        // strtol saturates; so do we.
        while let Some(&c) = lower.get(j).filter(|c| c.is_ascii_digit()) {
            let d = (c - b'0') as i64;
            exp = if exp_negative {
                exp.saturating_mul(10).saturating_sub(d)
            } else {
                exp.saturating_mul(10).saturating_add(d)
            };
            j += 1;
        }
    }
    // CPython reports overflow before it looks at what follows the number;
    // trailing garbage only matters for results that would be returned.
    let value = scale(mantissa, exp, fdigits)?;
    if j != lower.len() {
        return Err(FromHexError::Invalid);
    }
    Ok(if negative { -value } else { value })
}

/// `mantissa * 2**(exp - 4*fdigits)` correctly rounded, or Overflow.
fn scale(mantissa: BigUint, exp: i64, fdigits: i64) -> Result<f64, FromHexError> {
    if mantissa.is_zero() || exp < i64::MIN / 2 {
        return Ok(0.0);
    }
    if exp > i64::MAX / 2 {
        return Err(FromHexError::Overflow);
    }
    // value = mantissa * 2**e exactly
    let e = exp - 4 * fdigits;
    let top_exp = e + mantissa.bits() as i64;
    if top_exp < -1021 - 53 {
        return Ok(0.0);
    }
    if top_exp > 1024 {
        return Err(FromHexError::Overflow);
    }
    let lsb = top_exp.max(-1021) - 53;
    if e >= lsb {
        let m = mantissa.to_u64().unwrap_or(0) as f64;
        return Ok(ldexp(m, e));
    }
    let shift = (lsb - e) as u64;
    let mut q = &mantissa >> shift;
    let rem = &mantissa - (&q << shift);
    let half = BigUint::one() << (shift - 1);
    if rem > half || (rem == half && q.bit(0)) {
        q += 1u32;
    }
    let q = q.to_u64().unwrap_or(u64::MAX);
    if lsb + (64 - q.leading_zeros() as i64) > 1024 {
        return Err(FromHexError::Overflow);
    }
    Ok(ldexp(q as f64, lsb))
}

#[cfg(test)]
mod tests;
