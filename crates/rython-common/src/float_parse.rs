//! `float(text)`: CPython's `PyFloat_FromString` (Objects/floatobject.c)
//! on top of `_PyOS_ascii_strtod` (Python/pystrtod.c).
//!
//! Unicode decimal digits (e.g. Arabic-Indic) and Unicode whitespace are
//! folded to ASCII first, exactly as CPython does; the grammar then is
//! `[sign] (digits [. digits] | . digits) [(e|E) [sign] digits]` or
//! `[sign] (inf | infinity | nan)` (any case), with underscores allowed only
//! between digits and surrounding whitespace ignored. Hexadecimal is not
//! accepted (that is `float.fromhex`). Overflow gives an infinity.

use crate::unicode::transform_decimal_and_space_to_ascii;

/// `float(s)`; `None` means CPython raises
/// `ValueError: could not convert string to float: <repr(s)>`.
pub fn parse_float(s: &str) -> Option<f64> {
    parse_float_code_points(s.chars().map(|c| c as u32))
}

/// `float(s)` for text given as code points (lone surrogates allowed).
pub fn parse_float_code_points<I: IntoIterator<Item = u32>>(cps: I) -> Option<f64> {
    let ascii = transform_decimal_and_space_to_ascii(cps);
    parse_float_bytes(ascii.as_bytes())
}

/// `float(b)` for `bytes`/`bytearray` (no Unicode folding).
pub fn parse_float_bytes(b: &[u8]) -> Option<f64> {
    if b.contains(&b'_') {
        parse_stripped(&remove_underscores(b)?)
    } else {
        parse_stripped(b)
    }
}

/// The message of the `ValueError` (the caller supplies `repr()` of the
/// argument).
pub fn parse_error_message(arg_repr: &str) -> String {
    format!("could not convert string to float: {arg_repr}")
}

/// `_Py_string_to_number_with_underscores`: an underscore must sit between
/// two ASCII digits.
pub(crate) fn remove_underscores(b: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(b.len());
    let mut prev = 0u8;
    for &c in b {
        if c == b'_' {
            if !prev.is_ascii_digit() {
                return None;
            }
        } else {
            if prev == b'_' && !c.is_ascii_digit() {
                return None;
            }
            out.push(c);
        }
        prev = c;
    }
    if prev == b'_' {
        return None;
    }
    Some(out)
}

fn is_c_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r')
}

fn parse_stripped(b: &[u8]) -> Option<f64> {
    let mut lo = 0;
    let mut hi = b.len();
    while lo < hi && is_c_space(b[lo]) {
        lo += 1;
    }
    while hi > lo && is_c_space(b[hi - 1]) {
        hi -= 1;
    }
    parse_number(&b[lo..hi])
}

/// The whole of `b` must be one number.
fn parse_number(b: &[u8]) -> Option<f64> {
    let (negative, body) = match b.first() {
        Some(b'-') => (true, &b[1..]),
        Some(b'+') => (false, &b[1..]),
        _ => (false, b),
    };
    let lower: Vec<u8> = body.iter().map(|c| c.to_ascii_lowercase()).collect();
    let special = match lower.as_slice() {
        b"inf" | b"infinity" => Some(f64::INFINITY),
        b"nan" => Some(f64::NAN),
        _ => None,
    };
    if let Some(v) = special {
        // CPython's nan keeps the sign bit it was given.
        return Some(if negative { -v } else { v });
    }
    // Validate the decimal grammar ourselves; Rust's parser accepts a
    // superset (e.g. "infinity" spellings) and is only used for rounding.
    let mut i = 0;
    let digits = |i: &mut usize| {
        let s = *i;
        while *i < body.len() && body[*i].is_ascii_digit() {
            *i += 1;
        }
        *i - s
    };
    let int_digits = digits(&mut i);
    let mut frac_digits = 0;
    if i < body.len() && body[i] == b'.' {
        i += 1;
        frac_digits = digits(&mut i);
    }
    if int_digits + frac_digits == 0 {
        return None;
    }
    if i < body.len() && (body[i] == b'e' || body[i] == b'E') {
        i += 1;
        if i < body.len() && (body[i] == b'+' || body[i] == b'-') {
            i += 1;
        }
        if digits(&mut i) == 0 {
            return None;
        }
    }
    if i != body.len() {
        return None;
    }
    let text = std::str::from_utf8(body).ok()?;
    let v: f64 = text.parse().ok()?;
    Some(if negative { -v } else { v })
}

/// `_PyOS_ascii_strtod` used as a prefix parser: the longest float at the
/// start of `b` (no leading whitespace skipped) and how many bytes it
/// took, or `None` when no float starts there. Overflow gives an infinity.
pub(crate) fn parse_float_prefix(b: &[u8]) -> Option<(f64, usize)> {
    let mut i = 0;
    let negative = match b.first() {
        Some(b'-') => {
            i = 1;
            true
        }
        Some(b'+') => {
            i = 1;
            false
        }
        _ => false,
    };
    let starts_ci = |at: usize, word: &[u8]| {
        b.len() >= at + word.len() && b[at..at + word.len()].eq_ignore_ascii_case(word)
    };
    let sign = |v: f64| if negative { -v } else { v };
    if starts_ci(i, b"inf") {
        let n = if starts_ci(i + 3, b"inity") {
            i + 8
        } else {
            i + 3
        };
        return Some((sign(f64::INFINITY), n));
    }
    if starts_ci(i, b"nan") {
        return Some((sign(f64::NAN), i + 3));
    }
    let start = i;
    let digits = |i: &mut usize| {
        let s = *i;
        while *i < b.len() && b[*i].is_ascii_digit() {
            *i += 1;
        }
        *i - s
    };
    let mut n = digits(&mut i);
    if i < b.len() && b[i] == b'.' {
        let mut j = i + 1;
        let f = digits(&mut j);
        if n + f > 0 {
            i = j;
            n += f;
        }
    }
    if n == 0 {
        return None;
    }
    if i < b.len() && (b[i] == b'e' || b[i] == b'E') {
        let mut j = i + 1;
        if j < b.len() && (b[j] == b'+' || b[j] == b'-') {
            j += 1;
        }
        if digits(&mut j) > 0 {
            i = j;
        }
    }
    let text = std::str::from_utf8(&b[start..i]).ok()?;
    let v: f64 = text.parse().ok()?;
    Some((sign(v), i))
}

#[cfg(test)]
mod tests;
