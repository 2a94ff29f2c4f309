//! `int(text, base)`: CPython's `PyLong_FromUnicodeObject` /
//! `PyLong_FromString` (Objects/longobject.c), including the
//! `sys.set_int_max_str_digits` limit.

use crate::int_format::{DEFAULT_MAX_STR_DIGITS, MAX_STR_DIGITS_THRESHOLD};
use crate::unicode::transform_decimal_and_space_to_ascii;
use num_bigint::BigInt;

/// Why `int(text, base)` failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ParseIntError {
    /// `base` is not 0 and not in 2..=36.
    InvalidBase,
    /// The text is not an integer literal in that base.
    InvalidLiteral,
    /// A non-power-of-two base literal longer than the digit limit.
    ExceedsLimit { limit: usize, digits: usize },
}

impl ParseIntError {
    /// The `ValueError` message CPython raises. `base` is the base the
    /// caller passed (0 included) and `literal_repr` is `repr()` of the
    /// original argument (str or bytes); CPython shows at most 200
    /// characters of it.
    pub fn message(&self, base: u32, literal_repr: &str) -> String {
        match self {
            ParseIntError::InvalidBase => "int() base must be >= 2 and <= 36, or 0".to_string(),
            ParseIntError::InvalidLiteral => invalid_literal_message(base, literal_repr),
            ParseIntError::ExceedsLimit { limit, digits } => to_int_limit_message(*limit, *digits),
        }
    }
}

/// `invalid literal for int() with base 10: 'x'` (the repr is cut to 200
/// characters, as `%.200R` does).
pub fn invalid_literal_message(base: u32, literal_repr: &str) -> String {
    let shown: String = literal_repr.chars().take(200).collect();
    format!("invalid literal for int() with base {base}: {shown}")
}

/// Message of the `ValueError` for parsing a literal with too many digits.
pub fn to_int_limit_message(limit: usize, digits: usize) -> String {
    format!(
        "Exceeds the limit ({limit} digits) for integer string conversion: \
         value has {digits} digits; use sys.set_int_max_str_digits() to increase the limit"
    )
}

/// `int(s, base)` with the default digit limit (4300).
pub fn parse_int(s: &str, base: u32) -> Result<BigInt, ParseIntError> {
    parse_int_with_limit(s, base, DEFAULT_MAX_STR_DIGITS)
}

/// `int(s, base)` with `sys.get_int_max_str_digits() == max_str_digits`
/// (0: no limit).
pub fn parse_int_with_limit(
    s: &str,
    base: u32,
    max_str_digits: usize,
) -> Result<BigInt, ParseIntError> {
    parse_int_code_points(s.chars().map(|c| c as u32), base, max_str_digits)
}

/// `int(s, base)` for text given as code points (lone surrogates allowed).
pub fn parse_int_code_points<I: IntoIterator<Item = u32>>(
    cps: I,
    base: u32,
    max_str_digits: usize,
) -> Result<BigInt, ParseIntError> {
    check_base(base)?;
    let ascii = transform_decimal_and_space_to_ascii(cps);
    parse_ascii(ascii.as_bytes(), base, max_str_digits)
}

/// `int(b, base)` for `bytes`/`bytearray` (no Unicode digit folding).
pub fn parse_int_bytes(
    b: &[u8],
    base: u32,
    max_str_digits: usize,
) -> Result<BigInt, ParseIntError> {
    check_base(base)?;
    parse_ascii(b, base, max_str_digits)
}

fn check_base(base: u32) -> Result<(), ParseIntError> {
    if base != 0 && !(2..=36).contains(&base) {
        return Err(ParseIntError::InvalidBase);
    }
    Ok(())
}

/// C `isspace` in the "C" locale (`Py_ISSPACE`).
fn is_c_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r')
}

fn digit_value(b: u8) -> u32 {
    match b {
        b'0'..=b'9' => (b - b'0') as u32,
        b'a'..=b'z' => (b - b'a') as u32 + 10,
        b'A'..=b'Z' => (b - b'A') as u32 + 10,
        _ => 37,
    }
}

fn parse_ascii(s: &[u8], base: u32, max_str_digits: usize) -> Result<BigInt, ParseIntError> {
    let at = |i: usize| s.get(i).copied().unwrap_or(0);
    let mut i = 0;
    while i < s.len() && is_c_space(s[i]) {
        i += 1;
    }
    let mut negative = false;
    if at(i) == b'+' {
        i += 1;
    } else if at(i) == b'-' {
        negative = true;
        i += 1;
    }
    let mut base = base;
    let mut error_if_nonzero = false;
    if base == 0 {
        base = if at(i) != b'0' {
            10
        } else {
            match at(i + 1) {
                b'x' | b'X' => 16,
                b'o' | b'O' => 8,
                b'b' | b'B' => 2,
                _ => {
                    // An old C-style octal literal: only zero is allowed.
                    error_if_nonzero = true;
                    10
                }
            }
        };
    }
    if at(i) == b'0' {
        let p = at(i + 1).to_ascii_lowercase();
        if (base == 16 && p == b'x') || (base == 8 && p == b'o') || (base == 2 && p == b'b') {
            i += 2;
            // One underscore may follow the prefix.
            if at(i) == b'_' {
                i += 1;
            }
        }
    }
    let start = i;
    if at(i) == b'_' {
        return Err(ParseIntError::InvalidLiteral);
    }
    let mut prev = 0u8;
    let mut ndigits = 0usize;
    while i < s.len() && (digit_value(s[i]) < base || s[i] == b'_') {
        if s[i] == b'_' {
            if prev == b'_' {
                return Err(ParseIntError::InvalidLiteral);
            }
        } else {
            ndigits += 1;
        }
        prev = s[i];
        i += 1;
    }
    if prev == b'_' || i == start {
        return Err(ParseIntError::InvalidLiteral);
    }
    let end = i;
    while i < s.len() && is_c_space(s[i]) {
        i += 1;
    }
    if i != s.len() {
        return Err(ParseIntError::InvalidLiteral);
    }
    let binary_base = base & (base - 1) == 0;
    if !binary_base
        && ndigits > MAX_STR_DIGITS_THRESHOLD
        && max_str_digits > 0
        && ndigits > max_str_digits
    {
        return Err(ParseIntError::ExceedsLimit {
            limit: max_str_digits,
            digits: ndigits,
        });
    }
    let clean: Vec<u8> = s[start..end]
        .iter()
        .copied()
        .filter(|&b| b != b'_')
        .collect();
    let mut value = BigInt::parse_bytes(&clean, base).ok_or(ParseIntError::InvalidLiteral)?;
    if error_if_nonzero && value != BigInt::default() {
        return Err(ParseIntError::InvalidLiteral);
    }
    if negative {
        value = -value;
    }
    Ok(value)
}

#[cfg(test)]
mod tests;
