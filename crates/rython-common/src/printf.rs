//! printf-style `%` formatting of one argument (`str % args`,
//! `bytes % args`): CPython's `_PyUnicode_FormatLong`, `formatfloat` and
//! `unicode_format_arg_output` (Objects/unicodeobject.c).
//!
//! The caller parses the `%` directive (flags, width, precision, conversion
//! character), converts the argument (e.g. `%d` of a float truncates it to
//! an int first, `%s` calls `str()`), and uses these to produce the text.

use crate::float_repr::{double_to_string, FloatFlags, MAX_PRECISION};
use crate::int_format::to_str_limit_message;
use num_bigint::{BigInt, Sign};

/// The flags of a `%` directive.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PrintfFlags {
    /// `-`: left-justify.
    pub left: bool,
    /// `+`: always show a sign.
    pub plus: bool,
    /// ` `: a space for non-negative numbers.
    pub space: bool,
    /// `#`: alternate form.
    pub alt: bool,
    /// `0`: zero padding (numbers only).
    pub zero: bool,
}

/// An error to raise: `(is_overflow_error, message)`; otherwise ValueError.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PrintfError {
    pub overflow: bool,
    pub message: String,
}

/// `_PyUnicode_FormatLong`: the digits of an int for `%d %i %u %o %x %X`,
/// with sign, `0o`/`0x`/`0X` prefix when `alt`, and zero-extended to
/// `precision` digits. `max_str_digits` limits decimal output (0: none).
pub fn format_long(
    n: &BigInt,
    conv: char,
    alt: bool,
    precision: Option<usize>,
    max_str_digits: usize,
) -> Result<String, PrintfError> {
    if precision.is_some_and(|p| p > MAX_PRECISION - 3) {
        return Err(PrintfError {
            overflow: true,
            message: "precision too large".to_string(),
        });
    }
    let (base, prefix) = match conv {
        'o' => (8, "0o"),
        'x' => (16, "0x"),
        'X' => (16, "0X"),
        _ => (10, ""),
    };
    let mut digits = n.magnitude().to_str_radix(base);
    if base == 10 && max_str_digits > 0 && digits.len() > max_str_digits {
        return Err(PrintfError {
            overflow: false,
            message: to_str_limit_message(max_str_digits),
        });
    }
    if conv == 'X' {
        digits.make_ascii_uppercase();
    }
    let mut out = String::new();
    if n.sign() == Sign::Minus {
        out.push('-');
    }
    if alt {
        out.push_str(prefix);
    }
    if let Some(p) = precision {
        for _ in digits.len()..p {
            out.push('0');
        }
    }
    out.push_str(&digits);
    Ok(out)
}

/// `formatfloat`: the text of a float for `%e %E %f %F %g %G` (precision
/// defaults to 6). `None` for another conversion or a precision above
/// `INT_MAX`.
pub fn format_float_arg(x: f64, conv: char, alt: bool, precision: Option<usize>) -> Option<String> {
    let flags = FloatFlags {
        alt,
        ..FloatFlags::default()
    };
    match conv {
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
            double_to_string(x, conv, precision.unwrap_or(6), flags)
        }
        _ => None,
    }
}

/// `unicode_format_arg_output`: places the converted text of one argument
/// in its field. `numeric` is true for the number conversions
/// (`d i u o x X e E f F g G`), which get the sign and zero-padding
/// treatment; `%s %r %a` are cut to `precision` characters.
pub fn pad_arg(
    text: &str,
    conv: char,
    numeric: bool,
    flags: PrintfFlags,
    width: Option<usize>,
    precision: Option<usize>,
) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut len = chars.len();
    let mut width = width.unwrap_or(0);
    let fill = if numeric && flags.zero { '0' } else { ' ' };
    if width <= len
        && precision.is_none_or(|p| p >= len)
        && !(numeric && (flags.plus || flags.space))
    {
        return text.to_string();
    }
    if matches!(conv, 's' | 'r' | 'a') {
        if let Some(p) = precision {
            len = len.min(p);
        }
    }
    let mut idx = 0;
    let mut sign = numeric;
    let mut sign_char = '\0';
    if sign {
        match chars.first() {
            Some(&c @ ('-' | '+')) => {
                sign_char = c;
                len -= 1;
                idx = 1;
            }
            _ if flags.plus => sign_char = '+',
            _ if flags.space => sign_char = ' ',
            _ => sign = false,
        }
    }
    width = width.max(len);
    let mut out = String::with_capacity(width + 1);
    // Only move a prefix that is really there (format_long always writes it
    // for these conversions; other callers might not).
    let alt_prefix = flags.alt
        && matches!(conv, 'x' | 'X' | 'o')
        && len >= 2
        && chars.get(idx) == Some(&'0')
        && chars.get(idx + 1) == Some(&conv);
    if sign {
        if fill != ' ' {
            out.push(sign_char);
        }
        if width > len {
            width -= 1;
        }
    }
    if alt_prefix {
        if fill != ' ' {
            out.extend(&chars[idx..idx + 2]);
            idx += 2;
        }
        width = width.saturating_sub(2);
        len -= 2;
    }
    if width > len && !flags.left {
        for _ in 0..width - len {
            out.push(fill);
        }
        width = len;
    }
    if fill == ' ' {
        if sign {
            out.push(sign_char);
        }
        if alt_prefix {
            out.extend(&chars[idx..idx + 2]);
            idx += 2;
        }
    }
    out.extend(&chars[idx..idx + len]);
    for _ in len..width {
        out.push(' ');
    }
    out
}

/// `'%<flags><width>.<precision><conv>' % n` for an int and one of
/// `d i u o x X`.
pub fn printf_int(
    n: &BigInt,
    conv: char,
    flags: PrintfFlags,
    width: Option<usize>,
    precision: Option<usize>,
    max_str_digits: usize,
) -> Result<String, PrintfError> {
    let text = format_long(n, conv, flags.alt, precision, max_str_digits)?;
    Ok(pad_arg(&text, conv, true, flags, width, precision))
}

/// `'%<flags><width>.<precision><conv>' % x` for a float and one of
/// `e E f F g G`; `None` for other conversions or precision above `INT_MAX`.
pub fn printf_float(
    x: f64,
    conv: char,
    flags: PrintfFlags,
    width: Option<usize>,
    precision: Option<usize>,
) -> Option<String> {
    let text = format_float_arg(x, conv, flags.alt, precision)?;
    Some(pad_arg(&text, conv, true, flags, width, precision))
}

/// `'%<flags><width>.<precision>s' % s` (also `%r`/`%a` given the repr).
pub fn printf_str(
    s: &str,
    conv: char,
    flags: PrintfFlags,
    width: Option<usize>,
    precision: Option<usize>,
) -> String {
    pad_arg(s, conv, false, flags, width, precision)
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod robustness {
    use super::*;

    #[test]
    fn odd_inputs_do_not_panic() {
        let flags = PrintfFlags {
            alt: true,
            zero: true,
            plus: true,
            ..PrintfFlags::default()
        };
        assert_eq!(pad_arg("5", 'x', true, flags, Some(6), None), "+00005");
        assert_eq!(pad_arg("", 'o', true, flags, Some(3), None), "+00");
        assert_eq!(pad_arg("-", 'd', true, flags, Some(3), None), "-00");
        assert_eq!(
            printf_str("abc", 's', PrintfFlags::default(), None, Some(0)),
            ""
        );
    }
}
