//! Padding, sign placement and digit grouping of formatted numbers
//! (`calc_number_widths`, `fill_number` and
//! `_PyUnicode_InsertThousandsGrouping` in CPython).

use super::{ErrorKind, FormatError, FormatSpec};

/// A spec with the per-type defaults applied.
pub(crate) struct Resolved {
    pub fill: char,
    pub align: char,
    pub sign: Option<char>,
    /// -1 when no width was given (kept signed like CPython's arithmetic).
    pub width: i64,
}

impl Resolved {
    pub fn new(spec: &FormatSpec, default_align: char) -> Resolved {
        let mut fill = ' ';
        let mut align = default_align;
        if let Some(a) = spec.align {
            align = a;
        }
        if let Some(f) = spec.fill {
            fill = f;
        } else if spec.zero_pad {
            fill = '0';
            if spec.align.is_none() && default_align == '>' {
                align = '=';
            }
        }
        Resolved {
            fill,
            align,
            sign: spec.sign,
            width: spec.width.map_or(-1, |w| w.min(i64::MAX as usize) as i64),
        }
    }
}

/// Digit grouping in effect: separator and group size.
#[derive(Clone, Copy)]
pub(crate) struct Grouping {
    pub sep: Option<char>,
    pub size: usize,
}

impl Grouping {
    pub const NONE: Grouping = Grouping { sep: None, size: 0 };

    pub fn for_spec(spec: &FormatSpec, ty: char) -> Grouping {
        match (spec.grouping, ty) {
            (_, 'n') | (None, _) => Grouping::NONE,
            (Some('_'), 'b' | 'o' | 'x' | 'X') => Grouping {
                sep: Some('_'),
                size: 4,
            },
            (Some(sep), _) => Grouping {
                sep: Some(sep),
                size: 3,
            },
        }
    }
}

/// The pieces of a formatted number: `[-]<prefix><digits>[.]<remainder>`.
pub(crate) struct Number<'a> {
    pub negative: bool,
    pub prefix: &'a str,
    pub digits: &'a str,
    pub has_decimal: bool,
    pub remainder: &'a str,
}

impl<'a> Number<'a> {
    /// Splits the output of float formatting (`-1234.5e+06`, `inf`, `12%`).
    pub fn parse(text: &'a str) -> Number<'a> {
        let (negative, rest) = match text.strip_prefix('-') {
            Some(r) => (true, r),
            None => (false, text),
        };
        let n = rest.bytes().take_while(|b| b.is_ascii_digit()).count();
        let (digits, tail) = rest.split_at(n);
        let (has_decimal, remainder) = match tail.strip_prefix('.') {
            Some(r) => (true, r),
            None => (false, tail),
        };
        Number {
            negative,
            prefix: "",
            digits,
            has_decimal,
            remainder,
        }
    }
}

pub(crate) fn memory_error() -> FormatError {
    FormatError {
        kind: ErrorKind::MemoryError,
        message: String::new(),
    }
}

/// Reserves room for `n` more chars, reporting failure as a MemoryError
/// instead of aborting.
pub(crate) fn reserve(out: &mut String, n: i64) -> Result<(), FormatError> {
    let n = usize::try_from(n.max(0)).map_err(|_| memory_error())?;
    out.try_reserve(n).map_err(|_| memory_error())
}

pub(crate) fn push_n(out: &mut String, c: char, n: i64) {
    for _ in 0..n.max(0) {
        out.push(c);
    }
}

/// Writes `digits` grouped, zero-extended to at least `min_width` chars
/// (separators included), the way `_PyUnicode_InsertThousandsGrouping`
/// does it. Works right to left, then reverses.
pub(crate) fn group_digits(
    digits: &str,
    min_width: i64,
    g: Grouping,
) -> Result<String, FormatError> {
    let digits: Vec<char> = digits.chars().collect();
    let mut min_width = min_width.max(0);
    let sep_len: i64 = if g.sep.is_some() { 1 } else { 0 };
    let mut remaining = digits.len() as i64;
    let mut rev: Vec<char> = Vec::new();
    rev.try_reserve((min_width.max(remaining) as usize).saturating_mul(2))
        .map_err(|_| memory_error())?;
    let mut use_sep = false;
    let mut pos = digits.len();
    let mut emit = |rev: &mut Vec<char>, n_chars: i64, n_zeros: i64, use_sep: bool| {
        if use_sep {
            if let Some(s) = g.sep {
                rev.push(s);
            }
        }
        for _ in 0..n_chars {
            pos -= 1;
            rev.push(digits[pos]);
        }
        for _ in 0..n_zeros {
            rev.push('0');
        }
    };
    let mut broke = false;
    if g.size > 0 {
        loop {
            let len = (g.size as i64).min(remaining.max(min_width).max(1));
            let n_zeros = (len - remaining).max(0);
            let n_chars = remaining.min(len).max(0);
            emit(&mut rev, n_chars, n_zeros, use_sep);
            use_sep = true;
            remaining -= n_chars;
            min_width -= len;
            if remaining <= 0 && min_width <= 0 {
                broke = true;
                break;
            }
            min_width -= sep_len;
        }
    }
    if !broke {
        let len = remaining.max(min_width).max(1);
        let n_zeros = (len - remaining).max(0);
        let n_chars = remaining.min(len).max(0);
        emit(&mut rev, n_chars, n_zeros, use_sep);
    }
    Ok(rev.into_iter().rev().collect())
}

/// Lays out a number in a field: `<lpad><sign><prefix><spad><digits>
/// <decimal><remainder><rpad>`; only one kind of padding is ever used.
pub(crate) fn layout(
    num: &Number,
    r: &Resolved,
    g: Grouping,
    upper: bool,
) -> Result<String, FormatError> {
    let sign = match r.sign {
        Some('+') => Some(if num.negative { '-' } else { '+' }),
        Some(' ') => Some(if num.negative { '-' } else { ' ' }),
        _ if num.negative => Some('-'),
        _ => None,
    };
    let n_sign = sign.is_some() as i64;
    let n_prefix = num.prefix.chars().count() as i64;
    let n_decimal = num.has_decimal as i64;
    let n_remainder = num.remainder.chars().count() as i64;
    let n_non_digit = n_sign + n_prefix + n_decimal + n_remainder;
    let min_width = if r.fill == '0' && r.align == '=' {
        r.width - n_non_digit
    } else {
        0
    };
    let grouped = if num.digits.is_empty() {
        String::new()
    } else {
        group_digits(num.digits, min_width, g)?
    };
    let n_grouped = grouped.chars().count() as i64;
    let n_padding = r.width - (n_non_digit + n_grouped);
    let (mut lpad, mut spad, mut rpad) = (0, 0, 0);
    if n_padding > 0 {
        match r.align {
            '<' => rpad = n_padding,
            '^' => {
                lpad = n_padding / 2;
                rpad = n_padding - lpad;
            }
            '=' => spad = n_padding,
            _ => lpad = n_padding,
        }
    }
    let mut out = String::new();
    reserve(&mut out, lpad + spad + rpad + n_non_digit + n_grouped)?;
    push_n(&mut out, r.fill, lpad);
    if let Some(s) = sign {
        out.push(s);
    }
    if upper {
        out.push_str(&num.prefix.to_ascii_uppercase());
    } else {
        out.push_str(num.prefix);
    }
    push_n(&mut out, r.fill, spad);
    if upper {
        out.push_str(&grouped.to_ascii_uppercase());
    } else {
        out.push_str(&grouped);
    }
    if num.has_decimal {
        out.push('.');
    }
    out.push_str(num.remainder);
    push_n(&mut out, r.fill, rpad);
    Ok(out)
}
