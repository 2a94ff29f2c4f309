//! `int.__format__`, `float.__format__`, `complex.__format__` and
//! `str.__format__` on a parsed spec.

use super::layout::{layout, push_n, reserve, Grouping, Number, Resolved};
use super::{unknown_code_error, ErrorKind, FormatError, FormatSpec, FormatSpecError};
use crate::float_repr::{double_to_string, FloatFlags};
use crate::int_format::to_str_limit_message;
use num_bigint::{BigInt, Sign};
use num_traits::ToPrimitive;

/// `format(n, spec)` for an int (`type_name` is the object's type, e.g.
/// `int` or `bool`, for messages). `max_str_digits` is
/// `sys.get_int_max_str_digits()` (0: unlimited), enforced for decimal
/// output. Float presentation types convert the int to float first.
pub fn format_int(
    n: &BigInt,
    spec: &FormatSpec,
    type_name: &str,
    max_str_digits: usize,
) -> Result<String, FormatError> {
    let ty = spec.ty.unwrap_or('d');
    match ty {
        'b' | 'c' | 'd' | 'o' | 'x' | 'X' | 'n' => {}
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' => {
            let x = int_to_f64(n)?;
            return format_float(x, spec, "float");
        }
        _ => return Err(unknown_code_error(ty, type_name)),
    }
    if spec.precision.is_some() {
        return Err(FormatError::value(
            "Precision not allowed in integer format specifier",
        ));
    }
    if spec.no_neg_0 {
        return Err(FormatError::value(
            "Negative zero coercion (z) not allowed in integer format specifier",
        ));
    }
    let r = Resolved::new(spec, '>');
    if ty == 'c' {
        if spec.sign.is_some() {
            return Err(FormatError::value(
                "Sign not allowed with integer format specifier 'c'",
            ));
        }
        if spec.alternate {
            return Err(FormatError::value(
                "Alternate form (#) not allowed with integer format specifier 'c'",
            ));
        }
        let v = n.to_i64().ok_or_else(|| FormatError {
            kind: ErrorKind::OverflowError,
            message: "Python int too large to convert to C long".to_string(),
        })?;
        let ch = u32::try_from(v)
            .ok()
            .filter(|&v| v <= 0x10ffff)
            .ok_or_else(|| FormatError {
                kind: ErrorKind::OverflowError,
                message: "%c arg not in range(0x110000)".to_string(),
            })?;
        let s = crate::surrogates::store(ch).unwrap_or('\0').to_string();
        let num = Number {
            negative: false,
            prefix: "",
            digits: "",
            has_decimal: false,
            remainder: &s,
        };
        return layout(&num, &r, Grouping::NONE, false);
    }
    let (base, prefix) = match ty {
        'b' => (2, "0b"),
        'o' => (8, "0o"),
        'x' => (16, "0x"),
        'X' => (16, "0x"),
        _ => (10, ""),
    };
    let digits = if base == 10 {
        let d = n.magnitude().to_str_radix(10);
        if max_str_digits > 0 && d.len() > max_str_digits {
            return Err(FormatError::value(to_str_limit_message(max_str_digits)));
        }
        d
    } else {
        n.magnitude().to_str_radix(base)
    };
    let num = Number {
        negative: n.sign() == Sign::Minus,
        prefix: if spec.alternate { prefix } else { "" },
        digits: &digits,
        has_decimal: false,
        remainder: "",
    };
    layout(&num, &r, Grouping::for_spec(spec, ty), ty == 'X')
}

/// `PyLong_AsDouble`: correctly rounded, OverflowError past the float range.
fn int_to_f64(n: &BigInt) -> Result<f64, FormatError> {
    match n.to_f64() {
        Some(x) if x.is_finite() => Ok(x),
        _ => Err(FormatError {
            kind: ErrorKind::OverflowError,
            message: "int too large to convert to float".to_string(),
        }),
    }
}

fn float_flags(spec: &FormatSpec) -> FloatFlags {
    FloatFlags {
        alt: spec.alternate,
        no_neg_0: spec.no_neg_0,
        ..FloatFlags::default()
    }
}

fn check_float_precision(spec: &FormatSpec) -> Result<(), FormatError> {
    match spec.precision {
        Some(p) if p > i32::MAX as usize => Err(FormatError::value("precision too big")),
        _ => Ok(()),
    }
}

/// `format(x, spec)` for a float (`type_name` for messages, normally
/// `float`).
pub fn format_float(x: f64, spec: &FormatSpec, type_name: &str) -> Result<String, FormatError> {
    let ty = spec.ty.unwrap_or('\0');
    if !matches!(ty, '\0' | 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%') {
        return Err(unknown_code_error(ty, type_name));
    }
    check_float_precision(spec)?;
    let mut flags = float_flags(spec);
    let mut code = ty;
    let mut default_precision = 6;
    if code == '\0' {
        // No type: repr, or 'g' keeping at least one fractional digit.
        flags.add_dot_0 = true;
        code = 'r';
        default_precision = 0;
    }
    if code == 'n' {
        code = 'g';
    }
    let mut val = x;
    let mut add_pct = false;
    if code == '%' {
        code = 'f';
        val *= 100.0;
        add_pct = true;
    }
    let precision = match spec.precision {
        None => default_precision,
        Some(p) => {
            if code == 'r' {
                code = 'g';
            }
            p
        }
    };
    let mut text = double_to_string(val, code, precision, flags).unwrap_or_default();
    if add_pct {
        text.push('%');
    }
    let r = Resolved::new(spec, '>');
    let num = Number::parse(&text);
    layout(&num, &r, Grouping::for_spec(spec, ty), false)
}

/// `format(complex(re, im), spec)`.
pub fn format_complex(
    re: f64,
    im: f64,
    spec: &FormatSpec,
    type_name: &str,
) -> Result<String, FormatError> {
    let ty = spec.ty.unwrap_or('\0');
    if !matches!(ty, '\0' | 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n') {
        return Err(unknown_code_error(ty, type_name));
    }
    check_float_precision(spec)?;
    let r = Resolved::new(spec, '>');
    if r.fill == '0' {
        return Err(FormatError::value(
            "Zero padding is not allowed in complex format specifier",
        ));
    }
    if r.align == '=' {
        return Err(FormatError::value(
            "'=' alignment flag is not allowed in complex format specifier",
        ));
    }
    let flags = float_flags(spec);
    let mut code = ty;
    let mut default_precision = 6;
    let mut skip_re = false;
    let mut parens = false;
    if code == '\0' {
        // Like str(): the real part is left out when it is +0.0.
        code = 'r';
        default_precision = 0;
        if re == 0.0 && re.is_sign_positive() {
            skip_re = true;
        } else {
            parens = true;
        }
    }
    if code == 'n' {
        code = 'g';
    }
    let precision = match spec.precision {
        None => default_precision,
        Some(p) => {
            if code == 'r' {
                code = 'g';
            }
            p
        }
    };
    let re_text = double_to_string(re, code, precision, flags).unwrap_or_default();
    let im_text = double_to_string(im, code, precision, flags).unwrap_or_default();
    let g = Grouping::for_spec(spec, ty);
    let unpadded = |sign| Resolved {
        fill: ' ',
        align: '<',
        sign,
        width: -1,
    };
    let re_part = if skip_re {
        String::new()
    } else {
        layout(&Number::parse(&re_text), &unpadded(spec.sign), g, false)?
    };
    let im_sign = if skip_re { spec.sign } else { Some('+') };
    let im_part = layout(&Number::parse(&im_text), &unpadded(im_sign), g, false)?;
    let mut body = String::new();
    if parens {
        body.push('(');
    }
    body.push_str(&re_part);
    body.push_str(&im_part);
    body.push('j');
    if parens {
        body.push(')');
    }
    pad(&body, body.chars().count() as i64, &r)
}

/// `calc_padding` + `fill_padding`: place `body` in a field.
fn pad(body: &str, nchars: i64, r: &Resolved) -> Result<String, FormatError> {
    let total = if r.width >= 0 {
        nchars.max(r.width)
    } else {
        nchars
    };
    let lpad = match r.align {
        '>' => total - nchars,
        '^' => (total - nchars) / 2,
        _ => 0,
    };
    let rpad = total - nchars - lpad;
    let mut out = String::new();
    reserve(&mut out, lpad + rpad)?;
    out.reserve(body.len());
    push_n(&mut out, r.fill, lpad);
    out.push_str(body);
    push_n(&mut out, r.fill, rpad);
    Ok(out)
}

/// `format(s, spec)` for a str.
pub fn format_str(s: &str, spec: &FormatSpec, type_name: &str) -> Result<String, FormatError> {
    if let (Some(sep), None) = (spec.grouping, spec.ty) {
        // The default type 's' is checked against the separator while
        // parsing, before anything else.
        return Err(
            FormatSpecError::SeparatorNotAllowed { sep, ty: Some('s') }.into_error(type_name)
        );
    }
    let ty = spec.ty.unwrap_or('s');
    if ty != 's' {
        return Err(unknown_code_error(ty, type_name));
    }
    match spec.sign {
        Some(' ') => {
            return Err(FormatError::value(
                "Space not allowed in string format specifier",
            ))
        }
        Some(_) => {
            return Err(FormatError::value(
                "Sign not allowed in string format specifier",
            ))
        }
        None => {}
    }
    if spec.no_neg_0 {
        return Err(FormatError::value(
            "Negative zero coercion (z) not allowed in string format specifier",
        ));
    }
    if spec.alternate {
        return Err(FormatError::value(
            "Alternate form (#) not allowed in string format specifier",
        ));
    }
    let r = Resolved::new(spec, '<');
    if r.align == '=' {
        return Err(FormatError::value(
            "'=' alignment not allowed in string format specifier",
        ));
    }
    let len = s.chars().count();
    let (body, n) = match spec.precision {
        Some(p) if p < len => {
            let end = s.char_indices().nth(p).map_or(s.len(), |(i, _)| i);
            (&s[..end], p)
        }
        _ => (s, len),
    };
    pad(body, n as i64, &r)
}
