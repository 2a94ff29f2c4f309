//! The format-spec mini-language of `format()` / `str.format` /
//! f-strings, as implemented for int, float, complex and str in CPython's
//! Python/formatter_unicode.c.
//!
//! Use [`parse_format_spec`] once, then one of [`format_int`],
//! [`format_float`], [`format_complex`] or [`format_str`]. An empty spec is
//! handled by the caller as `str(obj)` in CPython; these functions give the
//! same result for it anyway. Errors carry CPython's exception type and
//! exact message. The `n` type uses the C locale (no grouping, `.` point),
//! which makes it behave like `d` / `g`. Widths and precisions count code
//! points.

mod apply;
mod layout;

pub use apply::{format_complex, format_float, format_int, format_str};

use crate::unicode::decimal_value;

/// A parsed format spec: `[[fill]align][sign]["z"]["#"]["0"][width]
/// [grouping]["." precision][type]`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FormatSpec {
    /// Explicit fill character (given together with an alignment).
    pub fill: Option<char>,
    /// `<`, `>`, `=` or `^` when given.
    pub align: Option<char>,
    /// `+`, `-` or ` ` when given.
    pub sign: Option<char>,
    /// `z`: coerce negative zero to positive zero (floats only).
    pub no_neg_0: bool,
    /// `#`: alternate form.
    pub alternate: bool,
    /// `0` before the width with no explicit fill: zero padding.
    pub zero_pad: bool,
    pub width: Option<usize>,
    /// `,` or `_`.
    pub grouping: Option<char>,
    pub precision: Option<usize>,
    /// The presentation type, if given (may be any character; the
    /// per-type functions reject unknown ones).
    pub ty: Option<char>,
}

/// Python exception class of a formatting error.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    ValueError,
    OverflowError,
    MemoryError,
}

/// A formatting error: raise `kind(message)`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormatError {
    pub kind: ErrorKind,
    pub message: String,
}

impl FormatError {
    pub(crate) fn value(message: impl Into<String>) -> Self {
        FormatError {
            kind: ErrorKind::ValueError,
            message: message.into(),
        }
    }
}

impl std::fmt::Display for FormatError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:?}: {}", self.kind, self.message)
    }
}

/// A spec that does not parse. All of these are `ValueError`s; the message
/// of [`FormatSpecError::Invalid`] names the type of the formatted object,
/// so use [`FormatSpecError::into_error`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FormatSpecError {
    /// Width or precision does not fit in a `Py_ssize_t`.
    TooManyDigits,
    /// A `.` with no digits after it.
    MissingPrecision,
    /// Both `,` and `_`.
    BothSeparators,
    /// Characters left over after the type (holds the whole spec).
    Invalid(String),
    /// A separator with a type that does not allow it.
    SeparatorNotAllowed { sep: char, ty: Option<char> },
}

impl FormatSpecError {
    /// The error to raise when formatting an object of type `type_name`.
    pub fn into_error(self, type_name: &str) -> FormatError {
        FormatError::value(match self {
            FormatSpecError::TooManyDigits => {
                "Too many decimal digits in format string".to_string()
            }
            FormatSpecError::MissingPrecision => "Format specifier missing precision".to_string(),
            FormatSpecError::BothSeparators => "Cannot specify both ',' and '_'.".to_string(),
            FormatSpecError::Invalid(spec) => format!(
                "Invalid format specifier '{spec}' for object of type '{}'",
                truncate_type_name(type_name)
            ),
            FormatSpecError::SeparatorNotAllowed { sep, ty } => {
                format!(
                    "Cannot specify '{sep}' with {}.",
                    quoted_code(ty.unwrap_or('\0'))
                )
            }
        })
    }
}

/// `%.200s` of a type name.
pub(crate) fn truncate_type_name(name: &str) -> String {
    name.chars().take(200).collect()
}

/// `'c'` for printable ASCII codes, `'\x..'` otherwise, as CPython's
/// messages show a presentation type.
pub(crate) fn quoted_code(c: char) -> String {
    let v = c as u32;
    if v > 32 && v < 128 {
        format!("'{c}'")
    } else {
        format!("'\\x{v:x}'")
    }
}

/// `ValueError: Unknown format code 'q' for object of type 'int'`.
pub fn unknown_code_error(ty: char, type_name: &str) -> FormatError {
    FormatError::value(format!(
        "Unknown format code {} for object of type '{}'",
        quoted_code(ty),
        truncate_type_name(type_name)
    ))
}

fn is_align(c: char) -> bool {
    matches!(c, '<' | '>' | '=' | '^')
}

/// Reads a run of Unicode decimal digits (CPython accepts any, e.g.
/// Arabic-Indic, for width and precision). Returns the value and how many
/// digits were read.
fn read_integer(chars: &[char], pos: &mut usize) -> Result<(usize, usize), FormatSpecError> {
    let mut acc: i64 = 0;
    let mut n = 0;
    while let Some(d) = chars.get(*pos).and_then(|&c| decimal_value(c as u32)) {
        let d = d as i64;
        if acc > (i64::MAX - d) / 10 {
            return Err(FormatSpecError::TooManyDigits);
        }
        acc = acc * 10 + d;
        *pos += 1;
        n += 1;
    }
    Ok((acc as usize, n))
}

/// Parses a format spec (the part after `:` in `{x:spec}`).
pub fn parse_format_spec(spec: &str) -> Result<FormatSpec, FormatSpecError> {
    let chars: Vec<char> = spec.chars().collect();
    let end = chars.len();
    let mut pos = 0;
    let mut f = FormatSpec::default();

    if end >= 2 && is_align(chars[1]) {
        f.fill = Some(chars[0]);
        f.align = Some(chars[1]);
        pos = 2;
    } else if end >= 1 && is_align(chars[0]) {
        f.align = Some(chars[0]);
        pos = 1;
    }
    if let Some(&c @ ('+' | '-' | ' ')) = chars.get(pos) {
        f.sign = Some(c);
        pos += 1;
    }
    if chars.get(pos) == Some(&'z') {
        f.no_neg_0 = true;
        pos += 1;
    }
    if chars.get(pos) == Some(&'#') {
        f.alternate = true;
        pos += 1;
    }
    if f.fill.is_none() && chars.get(pos) == Some(&'0') {
        f.zero_pad = true;
        pos += 1;
    }
    let (width, n) = read_integer(&chars, &mut pos)?;
    if n > 0 {
        f.width = Some(width);
    }
    if chars.get(pos) == Some(&',') {
        f.grouping = Some(',');
        pos += 1;
    }
    if chars.get(pos) == Some(&'_') {
        if f.grouping.is_some() {
            return Err(FormatSpecError::BothSeparators);
        }
        f.grouping = Some('_');
        pos += 1;
    }
    if chars.get(pos) == Some(&',') && f.grouping == Some('_') {
        return Err(FormatSpecError::BothSeparators);
    }
    if chars.get(pos) == Some(&'.') {
        pos += 1;
        let (prec, n) = read_integer(&chars, &mut pos)?;
        if n == 0 {
            return Err(FormatSpecError::MissingPrecision);
        }
        f.precision = Some(prec);
    }
    if end - pos > 1 {
        return Err(FormatSpecError::Invalid(spec.to_string()));
    }
    if end - pos == 1 {
        f.ty = Some(chars[pos]);
    }
    if let Some(sep) = f.grouping {
        let ok = match f.ty {
            None | Some('d' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F') => true,
            Some('b' | 'o' | 'x' | 'X') => sep == '_',
            _ => false,
        };
        if !ok {
            return Err(FormatSpecError::SeparatorNotAllowed { sep, ty: f.ty });
        }
    }
    Ok(f)
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod extra_tests;
