//! `round(float)` and `round(float, ndigits)` (Objects/floatobject.c
//! `float___round___impl` / `double_round`): correctly rounded, ties to
//! even, on the exact binary value.

use crate::float_repr::exact_digits;

/// Message of the OverflowError from `round(x, n)` when the result does not
/// fit in a float.
pub const ROUND_OVERFLOW: &str = "rounded value too large to represent";

/// `round(x)` as a float (ties to even); the caller converts it to an int,
/// raising for infinities and nans (see [`int_conversion_error`]).
pub fn round_to_integer(x: f64) -> f64 {
    x.round_ties_even()
}

/// The error `int(x)` / `round(x)` raise for a non-finite float:
/// `(is_overflow_error, message)`; `None` for finite values.
pub fn int_conversion_error(x: f64) -> Option<(bool, &'static str)> {
    if x.is_nan() {
        Some((false, "cannot convert float NaN to integer"))
    } else if x.is_infinite() {
        Some((true, "cannot convert float infinity to integer"))
    } else {
        None
    }
}

/// `round(x, ndigits)`; `Err` is an OverflowError with [`ROUND_OVERFLOW`].
/// `ndigits` may be any value (CPython clamps the index to `Py_ssize_t`).
pub fn round_to_digits(x: f64, ndigits: i64) -> Result<f64, &'static str> {
    // Beyond these, the answer is x itself or a signed zero.
    const NDIGITS_MAX: i64 = 323;
    const NDIGITS_MIN: i64 = -308;
    if !x.is_finite() || ndigits > NDIGITS_MAX {
        return Ok(x);
    }
    if ndigits < NDIGITS_MIN {
        return Ok(0.0 * x);
    }
    let (digits, decpt) = exact_digits(x);
    // The value is 0.DIGITS * 10**decpt; keep `k` digits.
    let k = decpt + ndigits;
    if k >= digits.len() as i64 {
        return Ok(x);
    }
    let negative = x.is_sign_negative();
    let mut kept: Vec<u8> = if k > 0 {
        digits[..k as usize].to_vec()
    } else {
        Vec::new()
    };
    let round_up = if k < 0 {
        false
    } else {
        let d = digits[k as usize];
        let rest_nonzero = digits.len() > k as usize + 1;
        let last_odd = kept.last().is_some_and(|&c| (c - b'0') % 2 == 1);
        d > b'5' || (d == b'5' && (rest_nonzero || last_odd))
    };
    if round_up {
        let mut i = kept.len();
        loop {
            if i == 0 {
                kept.insert(0, b'1');
                break;
            }
            i -= 1;
            if kept[i] == b'9' {
                kept[i] = b'0';
            } else {
                kept[i] += 1;
                break;
            }
        }
    }
    let exp = decpt + (kept.len() as i64 - k.max(0));
    // `exp` is the decimal point position for the (possibly longer) kept
    // digits: value = 0.KEPT * 10**exp.
    if kept.is_empty() {
        return Ok(if negative { -0.0 } else { 0.0 });
    }
    let text = format!(
        "{}0.{}e{}",
        if negative { "-" } else { "" },
        String::from_utf8_lossy(&kept),
        exp
    );
    let rounded: f64 = text.parse().unwrap_or(f64::INFINITY);
    if rounded.is_infinite() {
        return Err(ROUND_OVERFLOW);
    }
    Ok(rounded)
}

#[cfg(test)]
mod tests;
