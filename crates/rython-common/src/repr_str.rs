//! `repr()` of `str` and `bytes`, and `ascii()`, as CPython 3.13 writes
//! them (Objects/unicodeobject.c `unicode_repr`, Objects/bytesobject.c
//! `PyBytes_Repr`, `PyObject_ASCII`).

use crate::unicode::is_printable;

const HEX: &[u8; 16] = b"0123456789abcdef";

fn push_hex(out: &mut String, prefix: &str, v: u32, width: usize) {
    out.push_str(prefix);
    for i in (0..width).rev() {
        out.push(HEX[((v >> (4 * i)) & 0xf) as usize] as char);
    }
}

/// Single quotes unless the text has a `'` and no `"`.
fn choose_quote<I: Iterator<Item = u32>>(it: I) -> char {
    let (mut single, mut double) = (false, false);
    for c in it {
        if c == '\'' as u32 {
            single = true;
        } else if c == '"' as u32 {
            double = true;
        }
    }
    if single && !double {
        '"'
    } else {
        '\''
    }
}

/// `repr(s)` (stand-ins read as the lone surrogates they store).
pub fn repr_str(s: &str) -> String {
    repr_code_points(crate::surrogates::code_points(s, false))
}

/// `repr(s)` for text given as code points (lone surrogates are escaped as
/// `\udxxx`, as CPython does).
pub fn repr_code_points<I>(cps: I) -> String
where
    I: IntoIterator<Item = u32>,
    I::IntoIter: Clone,
{
    let it = cps.into_iter();
    let quote = choose_quote(it.clone());
    let mut out = String::with_capacity(it.size_hint().0 + 2);
    out.push(quote);
    for c in it {
        match c {
            _ if c == quote as u32 || c == '\\' as u32 => {
                out.push('\\');
                out.push(c as u8 as char);
            }
            0x09 => out.push_str("\\t"),
            0x0a => out.push_str("\\n"),
            0x0d => out.push_str("\\r"),
            0..=0x1f | 0x7f => push_hex(&mut out, "\\x", c, 2),
            0x20..=0x7e => out.push(c as u8 as char),
            _ => match char::from_u32(c) {
                Some(ch) if is_printable(c) => out.push(ch),
                _ if c <= 0xff => push_hex(&mut out, "\\x", c, 2),
                _ if c <= 0xffff => push_hex(&mut out, "\\u", c, 4),
                _ => push_hex(&mut out, "\\U", c, 8),
            },
        }
    }
    out.push(quote);
    out
}

/// `ascii(s)`: `repr(s)` with every non-ASCII character escaped.
pub fn ascii(s: &str) -> String {
    ascii_code_points(crate::surrogates::code_points(s, false))
}

/// `ascii(s)` for text given as code points.
pub fn ascii_code_points<I>(cps: I) -> String
where
    I: IntoIterator<Item = u32>,
    I::IntoIter: Clone,
{
    escape_non_ascii(&repr_code_points(cps))
}

/// The `backslashreplace` step of `PyObject_ASCII`: applied to any repr
/// text (for `ascii()` of arbitrary objects).
pub fn escape_non_ascii(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        let c = crate::surrogates::code_point(ch, false);
        if c < 0x80 {
            out.push(ch);
        } else if c <= 0xff {
            push_hex(&mut out, "\\x", c, 2);
        } else if c <= 0xffff {
            push_hex(&mut out, "\\u", c, 4);
        } else {
            push_hex(&mut out, "\\U", c, 8);
        }
    }
    out
}

/// `repr(b)` for `bytes`: `b'...'`.
pub fn repr_bytes(b: &[u8]) -> String {
    let mut out = String::with_capacity(b.len() + 3);
    out.push('b');
    push_bytes_body(&mut out, b, false);
    out
}

/// `repr(bytearray(b))`: `bytearray(b'...')`.
pub fn repr_bytearray(b: &[u8]) -> String {
    let mut out = String::with_capacity(b.len() + 14);
    out.push_str("bytearray(b");
    push_bytes_body(&mut out, b, true);
    out.push(')');
    out
}

/// `bytearray` escapes a single quote even inside double quotes.
fn push_bytes_body(out: &mut String, b: &[u8], always_escape_single: bool) {
    let quote = choose_quote(b.iter().map(|&c| c as u32));
    out.push(quote);
    for &c in b {
        match c {
            _ if c == quote as u8 || c == b'\\' || (always_escape_single && c == b'\'') => {
                out.push('\\');
                out.push(c as char);
            }
            b'\t' => out.push_str("\\t"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            0x20..=0x7e => out.push(c as char),
            _ => push_hex(out, "\\x", c as u32, 2),
        }
    }
    out.push(quote);
}

#[cfg(test)]
mod tests;
