//! `complex(text)` (Objects/complexobject.c `complex_subtype_from_string`).
//!
//! Accepted forms, after Unicode digits/whitespace are folded to ASCII and
//! underscores validated as for `float()`: `<float>`, `<float>j`,
//! `<float><signed-float>j`, `<float><sign>j`, `<sign>j`, `j`, optionally
//! wrapped in parentheses, with whitespace around (but not inside) the
//! number.

use crate::float_parse::{parse_float_prefix, remove_underscores};
use crate::unicode::transform_decimal_and_space_to_ascii;

/// Why `complex(text)` failed; both are ValueErrors.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ParseComplexError {
    /// `complex() arg is a malformed string`
    Malformed,
    /// A misplaced underscore: `could not convert string to complex: <repr>`.
    Underscore,
}

impl ParseComplexError {
    /// The message, given `repr()` of the argument.
    pub fn message(self, arg_repr: &str) -> String {
        match self {
            ParseComplexError::Malformed => "complex() arg is a malformed string".to_string(),
            ParseComplexError::Underscore => {
                format!("could not convert string to complex: {arg_repr}")
            }
        }
    }
}

/// `complex(s)` as `(real, imag)`.
pub fn parse_complex(s: &str) -> Result<(f64, f64), ParseComplexError> {
    parse_complex_code_points(s.chars().map(|c| c as u32))
}

/// `complex(s)` for text given as code points.
pub fn parse_complex_code_points<I: IntoIterator<Item = u32>>(
    cps: I,
) -> Result<(f64, f64), ParseComplexError> {
    let ascii = transform_decimal_and_space_to_ascii(cps);
    let b = ascii.as_bytes();
    if b.contains(&b'_') {
        let clean = remove_underscores(b).ok_or(ParseComplexError::Underscore)?;
        parse_ascii(&clean)
    } else {
        parse_ascii(b)
    }
}

fn is_c_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r')
}

fn parse_ascii(b: &[u8]) -> Result<(f64, f64), ParseComplexError> {
    let at = |i: usize| b.get(i).copied().unwrap_or(0);
    let skip_space = |i: &mut usize| {
        while *i < b.len() && is_c_space(b[*i]) {
            *i += 1;
        }
    };
    let is_j = |c: u8| c == b'j' || c == b'J';
    let mut i = 0;
    skip_space(&mut i);
    let bracket = at(i) == b'(';
    if bracket {
        i += 1;
        skip_space(&mut i);
    }
    let (mut x, mut y) = (0.0, 0.0);
    if let Some((z, n)) = parse_float_prefix(&b[i..]) {
        i += n;
        match at(i) {
            b'+' | b'-' => {
                x = z;
                if let Some((v, n)) = parse_float_prefix(&b[i..]) {
                    y = v;
                    i += n;
                } else {
                    y = if at(i) == b'+' { 1.0 } else { -1.0 };
                    i += 1;
                }
                if !is_j(at(i)) {
                    return Err(ParseComplexError::Malformed);
                }
                i += 1;
            }
            c if is_j(c) => {
                i += 1;
                y = z;
            }
            _ => x = z,
        }
    } else {
        if at(i) == b'+' || at(i) == b'-' {
            y = if at(i) == b'+' { 1.0 } else { -1.0 };
            i += 1;
        } else {
            y = 1.0;
        }
        if !is_j(at(i)) {
            return Err(ParseComplexError::Malformed);
        }
        i += 1;
    }
    skip_space(&mut i);
    if bracket {
        if at(i) != b')' {
            return Err(ParseComplexError::Malformed);
        }
        i += 1;
        skip_space(&mut i);
    }
    if i != b.len() {
        return Err(ParseComplexError::Malformed);
    }
    Ok((x, y))
}

#[cfg(test)]
mod tests;
