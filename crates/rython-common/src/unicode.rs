//! Character properties from CPython's Unicode database (15.1), as used by
//! `str.isprintable`, `str.isspace` and the decimal-digit conversion done
//! by `int()` and `float()`. The tables are generated from CPython itself
//! (see `tools/gen_unicode.py`), so they agree with it code point for code
//! point.

use crate::unicode_ident_tables::{ID_CONTINUE, ID_START};
use crate::unicode_tables::{DECIMAL_RUNS, NON_PRINTABLE, WHITESPACE};

/// Whether `cp` lies in one of the sorted, disjoint inclusive `ranges`
/// (the layout of every generated character-class table).
pub fn in_ranges(ranges: &[(u32, u32)], cp: u32) -> bool {
    let i = ranges.partition_point(|&(_, hi)| hi < cp);
    ranges.get(i).is_some_and(|&(lo, _)| lo <= cp)
}

/// A character that may start an identifier (XID_Start plus `_`), for the
/// tokenizer and `str.isidentifier()`.
pub fn is_id_start(cp: u32) -> bool {
    if cp < 128 {
        return cp == b'_' as u32 || (cp as u8).is_ascii_alphabetic();
    }
    in_ranges(ID_START, cp)
}

/// A character that may continue an identifier (XID_Continue).
pub fn is_id_continue(cp: u32) -> bool {
    if cp < 128 {
        return cp == b'_' as u32 || (cp as u8).is_ascii_alphanumeric();
    }
    in_ranges(ID_CONTINUE, cp)
}

/// `str.isprintable()` for one code point (surrogates are not printable).
pub fn is_printable(cp: u32) -> bool {
    // Fast path: the whole printable ASCII range.
    if (0x20..0x7f).contains(&cp) {
        return true;
    }
    !in_ranges(NON_PRINTABLE, cp)
}

/// `str.isspace()` for one code point (`Py_UNICODE_ISSPACE`).
pub fn is_space(cp: u32) -> bool {
    if cp < 128 {
        return matches!(cp, 0x09..=0x0d | 0x1c..=0x20);
    }
    WHITESPACE.binary_search(&cp).is_ok()
}

/// The decimal digit value of a code point (`unicodedata.decimal`,
/// `Py_UNICODE_TODECIMAL`), or `None`.
pub fn decimal_value(cp: u32) -> Option<u32> {
    if (0x30..=0x39).contains(&cp) {
        return Some(cp - 0x30);
    }
    let idx = DECIMAL_RUNS.partition_point(|&(_, hi, _)| hi < cp);
    let &(lo, hi, first) = DECIMAL_RUNS.get(idx)?;
    if lo <= cp && cp <= hi {
        Some(first as u32 + (cp - lo))
    } else {
        None
    }
}

/// CPython's `_PyUnicode_TransformDecimalAndSpaceToASCII`: the step both
/// `int(str)` and `float(str)` start with. ASCII below 0x7f is kept, Unicode
/// whitespace becomes a space, Unicode decimal digits become ASCII digits;
/// anything else ends the text with a `?`, which no later parser accepts.
pub fn transform_decimal_and_space_to_ascii<I: IntoIterator<Item = u32>>(cps: I) -> String {
    let mut out = String::new();
    for cp in cps {
        if cp < 0x7f {
            out.push(cp as u8 as char);
        } else if is_space(cp) {
            out.push(' ');
        } else if let Some(d) = decimal_value(cp) {
            out.push((b'0' + d as u8) as char);
        } else {
            out.push('?');
            break;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn printable() {
        // Values checked with CPython 3.13's str.isprintable().
        for (cp, exp) in [
            (0x20, true),
            (0x7e, true),
            (0x7f, false),
            (0x0a, false),
            (0xa0, false),
            (0xa1, true),
            (0xad, false),
            (0x3000, false),
            (0x2028, false),
            (0xe9, true),
            (0x20ac, true),
            (0x1f600, true),
            (0xd800, false),
            (0xe000, false),
            (0x378, false),
            (0x10ffff, false),
            (0x200b, false),
            (0x1b00, true),
            (0x2fffe, false),
            (0x31350, true),
        ] {
            assert_eq!(is_printable(cp), exp, "{cp:#x}");
        }
    }

    #[test]
    fn space() {
        for (cp, exp) in [
            (0x20, true),
            (0x09, true),
            (0x1c, true),
            (0x1f, true),
            (0x85, true),
            (0xa0, true),
            (0x1680, true),
            (0x2000, true),
            (0x200a, true),
            (0x200b, false),
            (0x2028, true),
            (0x202f, true),
            (0x3000, true),
            (0xfeff, false),
            (0x41, false),
        ] {
            assert_eq!(is_space(cp), exp, "{cp:#x}");
        }
    }

    #[test]
    fn decimal() {
        for (cp, exp) in [
            (0x30, Some(0)),
            (0x39, Some(9)),
            (0x661, Some(1)),
            (0x669, Some(9)),
            (0x6f5, Some(5)),
            (0xff19, Some(9)),
            (0x1d7ce, Some(0)),
            (0x1d7ff, Some(9)),
            (0x1fbf0, Some(0)),
            (0xb2, None),
            (0x2460, None),
            (0x41, None),
            (0x10ffff, None),
        ] {
            assert_eq!(decimal_value(cp), exp, "{cp:#x}");
        }
    }
}
