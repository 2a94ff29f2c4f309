//! Float to text, as CPython's `PyOS_double_to_string` (Python/pystrtod.c)
//! lays out the digits `_Py_dg_dtoa` (Python/dtoa.c) produces.
//!
//! Digit generation is delegated to correctly rounded Rust code: `ryu` for
//! the shortest round-trip digits (`repr`), and `format!("{:.*e}")` /
//! `format!("{:.*}")` for a fixed number of significant or fractional digits.
//! Both round the exact binary value half-to-even, like dtoa.

/// Flags of `PyOS_double_to_string` (`Py_DTSF_*`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct FloatFlags {
    /// `Py_DTSF_SIGN`: always write a sign (`+` for non-negatives).
    pub sign: bool,
    /// `Py_DTSF_ADD_DOT_0`: add `.0` when the result looks like an integer.
    pub add_dot_0: bool,
    /// `Py_DTSF_ALT`: the `#` alternate form (keep the point and, for `g`,
    /// trailing zeros).
    pub alt: bool,
    /// `Py_DTSF_NO_NEG_0`: the `z` option; a result that rounds to zero
    /// loses its minus sign.
    pub no_neg_0: bool,
}

/// `repr(f)` and `str(f)`.
pub fn repr(f: f64) -> String {
    double_to_string(
        f,
        'r',
        0,
        FloatFlags {
            add_dot_0: true,
            ..FloatFlags::default()
        },
    )
    .unwrap_or_default()
}

/// `repr(complex(re, im))` (also `str()`): `1j`, `(1+2j)`, `(-0-0j)`,
/// `(nan+infj)`. Components use the float repr digits without `.0`.
pub fn complex_repr(re: f64, im: f64) -> String {
    let plain = FloatFlags::default();
    let im_only = re == 0.0 && re.is_sign_positive();
    if im_only {
        let mut s = double_to_string(im, 'r', 0, plain).unwrap_or_default();
        s.push('j');
        return s;
    }
    let signed = FloatFlags {
        sign: true,
        ..plain
    };
    format!(
        "({}{}j)",
        double_to_string(re, 'r', 0, plain).unwrap_or_default(),
        double_to_string(im, 'r', 0, signed).unwrap_or_default()
    )
}

/// printf-style conversion of a float, as `'%.3e' % x` does it.
///
/// `code` is one of `e E f F g G` (precision defaults to 6), `%` (percent:
/// multiply by 100, `f`, append `%`), `n` (same as `g` in the C locale) or
/// `r` (repr; precision ignored). Returns `None` for any other code.
pub fn format_float(
    f: f64,
    code: char,
    precision: Option<usize>,
    flags: FloatFlags,
) -> Option<String> {
    let prec = precision.unwrap_or(6);
    match code {
        'r' => double_to_string(f, 'r', 0, flags),
        '%' => {
            let mut s = double_to_string(f * 100.0, 'f', prec, flags)?;
            s.push('%');
            Some(s)
        }
        'n' => double_to_string(f, 'g', prec, flags),
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' => double_to_string(f, code, prec, flags),
        _ => None,
    }
}

/// Largest precision CPython accepts (`INT_MAX`); above it callers raise
/// `ValueError: precision too big`.
pub const MAX_PRECISION: usize = i32::MAX as usize;

/// `PyOS_double_to_string(val, code, precision, flags)`: `code` is one of
/// `e E f F g G r` (`r` requires precision 0). Returns `None` for other
/// codes and for a precision above [`MAX_PRECISION`].
pub fn double_to_string(
    val: f64,
    code: char,
    precision: usize,
    flags: FloatFlags,
) -> Option<String> {
    if precision > MAX_PRECISION {
        return None;
    }
    let upper = matches!(code, 'E' | 'F' | 'G');
    let code = code.to_ascii_lowercase();
    let mut precision = precision;
    let mode = match code {
        'e' => {
            precision = precision.saturating_add(1);
            Mode::Significant
        }
        'f' => Mode::Fractional,
        'g' => {
            if precision == 0 {
                precision = 1;
            }
            Mode::Significant
        }
        'r' => Mode::Shortest,
        _ => return None,
    };
    Some(format_short(val, code, mode, precision, flags, upper))
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// dtoa mode 0: shortest string that round-trips.
    Shortest,
    /// dtoa mode 2: `ndigits` significant digits.
    Significant,
    /// dtoa mode 3: `ndigits` digits after the decimal point.
    Fractional,
}

/// Every finite double has an exact decimal expansion of at most 767
/// significant digits and 1074 fractional digits, so asking Rust's
/// formatter (which rejects precisions above `u16::MAX`) for more than these
/// caps changes nothing once trailing zeros are stripped.
const MAX_SIGNIFICANT: usize = 800;
const MAX_FRACTIONAL: usize = 1100;

/// Decimal digits of `|x|` (finite) with trailing zeros removed, and the
/// position of the decimal point: the value is `0.DIGITS * 10**decpt`.
/// An empty digit string means the value rounded to zero (mode 3 only).
fn dtoa(x: f64, mode: Mode, ndigits: usize) -> (Vec<u8>, i64) {
    let x = x.abs();
    if x == 0.0 {
        return (vec![b'0'], 1);
    }
    let (mut digits, decpt) = match mode {
        Mode::Shortest => {
            let mut buf = ryu::Buffer::new();
            split_scientific(buf.format_finite(x))
        }
        Mode::Significant => {
            let n = ndigits.clamp(1, MAX_SIGNIFICANT);
            split_scientific(&format!("{:.*e}", n - 1, x))
        }
        Mode::Fractional => {
            let s = format!("{:.*}", ndigits.min(MAX_FRACTIONAL), x);
            let (int_part, frac) = s.split_once('.').unwrap_or((&s, ""));
            let mut digits: Vec<u8> = int_part.bytes().chain(frac.bytes()).collect();
            let mut decpt = int_part.len() as i64;
            let lead = digits.iter().take_while(|&&d| d == b'0').count();
            digits.drain(..lead);
            decpt -= lead as i64;
            if digits.is_empty() {
                // dtoa reports "no digits" with the point just past the
                // requested precision.
                decpt = -(ndigits as i64);
            }
            (digits, decpt)
        }
    };
    while digits.last() == Some(&b'0') {
        digits.pop();
    }
    (digits, decpt)
}

/// Splits text such as `1.2345e-7`, `12.5`, `1e16` or `0.001` into digits
/// without leading zeros and the decimal-point position.
fn split_scientific(s: &str) -> (Vec<u8>, i64) {
    let (mant, exp) = match s.find(['e', 'E']) {
        Some(i) => (&s[..i], s[i + 1..].parse::<i64>().unwrap_or(0)),
        None => (s, 0),
    };
    let point = mant.find('.').unwrap_or(mant.len()) as i64;
    let mut digits: Vec<u8> = mant.bytes().filter(|b| b.is_ascii_digit()).collect();
    let lead = digits.iter().take_while(|&&d| d == b'0').count();
    digits.drain(..lead);
    (digits, point + exp - lead as i64)
}

/// The layout half of CPython's `format_float_short`.
fn format_short(
    d: f64,
    code: char,
    mode: Mode,
    precision: usize,
    flags: FloatFlags,
    upper: bool,
) -> String {
    let mut out = String::new();
    if d.is_nan() {
        // A nan never gets a minus sign, but does get a requested plus.
        if flags.sign {
            out.push('+');
        }
        out.push_str(if upper { "NAN" } else { "nan" });
        return out;
    }
    let negative = d.is_sign_negative();
    if d.is_infinite() {
        if negative {
            out.push('-');
        } else if flags.sign {
            out.push('+');
        }
        out.push_str(if upper { "INF" } else { "inf" });
        return out;
    }
    let (digits, mut decpt) = dtoa(d, mode, precision);
    let digits_len = digits.len() as i64;
    let precision = precision.min(i64::MAX as usize / 4) as i64;
    let mut negative = negative;
    if flags.no_neg_0 && negative && (digits.is_empty() || digits == b"0") {
        negative = false;
    }

    let mut use_exp = false;
    let mut vdigits_end = digits_len;
    match code {
        'e' => {
            use_exp = true;
            vdigits_end = precision;
        }
        'f' => vdigits_end = decpt + precision,
        'g' => {
            let limit = if flags.add_dot_0 {
                precision - 1
            } else {
                precision
            };
            if decpt <= -4 || decpt > limit {
                use_exp = true;
            }
            if flags.alt {
                vdigits_end = precision;
            }
        }
        _ => {
            // repr switches to exponent notation at 1e16.
            if decpt <= -4 || decpt > 16 {
                use_exp = true;
            }
        }
    }
    let mut exp = 0;
    if use_exp {
        exp = decpt - 1;
        decpt = 1;
    }
    let vdigits_start = if decpt <= 0 { decpt - 1 } else { 0 };
    if !use_exp && flags.add_dot_0 {
        vdigits_end = vdigits_end.max(decpt + 1);
    } else {
        vdigits_end = vdigits_end.max(decpt);
    }

    if negative {
        out.push('-');
    } else if flags.sign {
        out.push('+');
    }
    let zeros = |out: &mut String, n: i64| {
        for _ in 0..n.max(0) {
            out.push('0');
        }
    };
    if decpt <= 0 {
        zeros(&mut out, decpt - vdigits_start);
        out.push('.');
        zeros(&mut out, -decpt);
    } else {
        zeros(&mut out, -vdigits_start);
    }
    let text = |b: &[u8]| b.iter().map(|&c| c as char).collect::<String>();
    if 0 < decpt && decpt <= digits_len {
        out.push_str(&text(&digits[..decpt as usize]));
        out.push('.');
        out.push_str(&text(&digits[decpt as usize..]));
    } else {
        out.push_str(&text(&digits));
    }
    if digits_len < decpt {
        zeros(&mut out, decpt - digits_len);
        out.push('.');
        zeros(&mut out, vdigits_end - decpt);
    } else {
        zeros(&mut out, vdigits_end - digits_len);
    }
    if out.ends_with('.') && !flags.alt {
        out.pop();
    }
    if use_exp {
        out.push(if upper { 'E' } else { 'e' });
        out.push(if exp < 0 { '-' } else { '+' });
        let e = exp.unsigned_abs();
        if e < 10 {
            out.push('0');
        }
        out.push_str(&e.to_string());
    }
    out
}

#[cfg(test)]
mod tests;

/// The exact decimal expansion of finite `x`: digits without leading or
/// trailing zeros, and the point position (`|x| = 0.DIGITS * 10**decpt`).
/// Zero gives `("0", 1)`.
pub(crate) fn exact_digits(x: f64) -> (Vec<u8>, i64) {
    dtoa(x, Mode::Fractional, MAX_FRACTIONAL)
}
