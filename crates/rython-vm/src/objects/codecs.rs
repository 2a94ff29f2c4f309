//! The built-in codecs behind `str.encode`, `bytes.decode`, `str(b, enc)`
//! and `open()`: UTF-8, ASCII and Latin-1 with the standard error handlers
//! (CPython's Objects/unicodeobject.c codecs and Python/codecs.c handlers).
//!
//! Strings hold no lone surrogates, so `surrogateescape` cannot produce or
//! consume them; decoding with it behaves like `strict`.

use crate::object::PyObjectRef;
use crate::objects::exceptions::PyBaseExceptionRef;
use crate::{PyResult, VM};

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Codec {
    Utf8,
    /// UTF-8 with a byte-order mark (written, and skipped when read).
    Utf8Sig,
    Ascii,
    Latin1,
    /// UTF-16/UTF-32; `None` = with BOM (little-endian when writing).
    Utf16(Option<Endian>),
    Utf32(Option<Endian>),
    /// `unicode_escape` / `raw_unicode_escape` (Python literal escapes).
    UnicodeEscape,
    RawUnicodeEscape,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Endian {
    Little,
    Big,
}

impl Codec {
    /// The name CPython's messages use.
    pub fn name(self) -> &'static str {
        match self {
            Codec::Utf8 => "utf-8",
            Codec::Utf8Sig => "utf-8-sig",
            Codec::Ascii => "ascii",
            Codec::Latin1 => "latin-1",
            Codec::Utf16(Some(Endian::Big)) => "utf-16-be",
            Codec::Utf16(_) => "utf-16-le",
            Codec::Utf32(Some(Endian::Big)) => "utf-32-be",
            Codec::Utf32(_) => "utf-32-le",
            Codec::UnicodeEscape => "unicodeescape",
            Codec::RawUnicodeEscape => "rawunicodeescape",
        }
    }
}

/// Normalises an encoding name the way `encodings.normalize_encoding` and
/// the aliases table do, for the codecs implemented here.
pub fn lookup_codec(vm: &VM, encoding: &str) -> PyResult<Codec> {
    let norm: String = encoding
        .trim()
        .chars()
        .map(|c| match c {
            '-' | ' ' => '_',
            c => c.to_ascii_lowercase(),
        })
        .collect();
    match norm.as_str() {
        "utf_8" | "utf8" | "u8" | "utf" | "cp65001" | "utf8_ucs2" | "utf8_ucs4" => Ok(Codec::Utf8),
        "ascii" | "us_ascii" | "646" | "ansi_x3.4_1968" | "ansi_x3_4_1968" | "cp367"
        | "csascii" | "ibm367" | "iso646_us" | "us" => Ok(Codec::Ascii),
        "latin_1" | "latin1" | "latin" | "l1" | "iso_8859_1" | "iso8859_1" | "8859" | "cp819"
        | "iso_ir_100" | "ibm819" | "csisolatin1" | "iso_8859_1:1987" => Ok(Codec::Latin1),
        "utf_8_sig" | "utf8_sig" => Ok(Codec::Utf8Sig),
        "unicode_escape" => Ok(Codec::UnicodeEscape),
        "raw_unicode_escape" => Ok(Codec::RawUnicodeEscape),
        "utf_16" | "utf16" | "u16" => Ok(Codec::Utf16(None)),
        "utf_16_le" | "utf_16le" | "utf16le" => Ok(Codec::Utf16(Some(Endian::Little))),
        "utf_16_be" | "utf_16be" | "utf16be" => Ok(Codec::Utf16(Some(Endian::Big))),
        "utf_32" | "utf32" | "u32" => Ok(Codec::Utf32(None)),
        "utf_32_le" | "utf_32le" | "utf32le" => Ok(Codec::Utf32(Some(Endian::Little))),
        "utf_32_be" | "utf_32be" | "utf32be" => Ok(Codec::Utf32(Some(Endian::Big))),
        _ => Err(vm.new_lookup_error(format!("unknown encoding: {encoding}"))),
    }
}

/// `\xNN`, `\uNNNN` or `\UNNNNNNNN` as CPython's Unicode error messages
/// show a character.
fn char_escape(c: char) -> String {
    let u = c as u32;
    if u <= 0xff {
        format!("\\x{u:02x}")
    } else if u <= 0xffff {
        format!("\\u{u:04x}")
    } else {
        format!("\\U{u:08x}")
    }
}

/// `str(UnicodeEncodeError)` for these fields.
pub fn encode_error_message(
    encoding: &str,
    text: &str,
    start: usize,
    end: usize,
    reason: &str,
) -> String {
    if end == start + 1 {
        let c = text.chars().nth(start).unwrap_or('\0');
        format!(
            "'{encoding}' codec can't encode character '{}' in position {start}: {reason}",
            char_escape(c)
        )
    } else {
        format!(
            "'{encoding}' codec can't encode characters in position {start}-{}: {reason}",
            end.saturating_sub(1)
        )
    }
}

/// `str(UnicodeDecodeError)` for these fields.
pub fn decode_error_message(
    encoding: &str,
    data: &[u8],
    start: usize,
    end: usize,
    reason: &str,
) -> String {
    if end == start + 1 {
        format!(
            "'{encoding}' codec can't decode byte 0x{:02x} in position {start}: {reason}",
            data.get(start).copied().unwrap_or(0)
        )
    } else {
        format!(
            "'{encoding}' codec can't decode bytes in position {start}-{}: {reason}",
            end.saturating_sub(1)
        )
    }
}

fn unicode_error(
    vm: &VM,
    ty: &crate::object::PyTypeRef,
    encoding: &str,
    object: PyObjectRef,
    start: usize,
    end: usize,
    reason: &str,
) -> PyBaseExceptionRef {
    let args = vec![
        vm.new_str_obj(encoding),
        object.clone(),
        vm.new_int(start as i64),
        vm.new_int(end as i64),
        vm.new_str_obj(reason),
    ];
    let e = vm.new_exception(ty, args);
    vm.set_exception_attr(&e, "encoding", vm.new_str_obj(encoding));
    vm.set_exception_attr(&e, "object", object);
    vm.set_exception_attr(&e, "start", vm.new_int(start as i64));
    vm.set_exception_attr(&e, "end", vm.new_int(end as i64));
    vm.set_exception_attr(&e, "reason", vm.new_str_obj(reason));
    e
}

/// A `UnicodeEncodeError(encoding, text, start, end, reason)`.
pub fn new_unicode_encode_error(
    vm: &VM,
    encoding: &str,
    text: &str,
    start: usize,
    end: usize,
    reason: &str,
) -> PyBaseExceptionRef {
    let ty = vm.types.exc.unicode_encode_error.clone();
    unicode_error(vm, &ty, encoding, vm.new_str_obj(text), start, end, reason)
}

/// A `UnicodeDecodeError(encoding, data, start, end, reason)`.
pub fn new_unicode_decode_error(
    vm: &VM,
    encoding: &str,
    data: &[u8],
    start: usize,
    end: usize,
    reason: &str,
) -> PyBaseExceptionRef {
    let ty = vm.types.exc.unicode_decode_error.clone();
    unicode_error(
        vm,
        &ty,
        encoding,
        vm.new_bytes(data.to_vec()),
        start,
        end,
        reason,
    )
}

/// Applies the `errors` handler to the undecodable bytes `b[start..end]`:
/// raises for `strict` (and the surrogate handlers, which need lone
/// surrogates in str), else appends the replacement to `out`.
#[allow(clippy::too_many_arguments)]
fn decode_error(
    vm: &VM,
    encoding: &str,
    b: &[u8],
    start: usize,
    end: usize,
    reason: &str,
    errors: &str,
    out: &mut String,
) -> PyResult<()> {
    match errors {
        "strict" | "surrogateescape" | "surrogatepass" => Err(new_unicode_decode_error(
            vm, encoding, b, start, end, reason,
        )),
        "ignore" => Ok(()),
        "replace" => {
            out.push('\u{FFFD}');
            Ok(())
        }
        "backslashreplace" => {
            for &x in &b[start..end] {
                out.push_str(&format!("\\x{x:02x}"));
            }
            Ok(())
        }
        _ => Err(unknown_handler(vm, errors)),
    }
}

fn unknown_handler(vm: &VM, errors: &str) -> PyBaseExceptionRef {
    vm.new_lookup_error(format!("unknown error handler name '{errors}'"))
}

/// `s.encode(encoding, errors)`.
pub fn encode_str(vm: &VM, s: &str, encoding: &str, errors: &str) -> PyResult<Vec<u8>> {
    let codec = lookup_codec(vm, encoding)?;
    let limit: u32 = match codec {
        Codec::Utf8 => return Ok(s.as_bytes().to_vec()),
        Codec::UnicodeEscape | Codec::RawUnicodeEscape => {
            return Ok(encode_escape(s, codec == Codec::RawUnicodeEscape))
        }
        Codec::Utf8Sig => {
            let mut v = b"\xef\xbb\xbf".to_vec();
            v.extend_from_slice(s.as_bytes());
            return Ok(v);
        }
        Codec::Utf16(e) => return Ok(encode_utf16(s, e)),
        Codec::Utf32(e) => return Ok(encode_utf32(s, e)),
        Codec::Ascii => 0x80,
        Codec::Latin1 => 0x100,
    };
    if s.is_ascii() {
        return Ok(s.as_bytes().to_vec());
    }
    let reason = if limit == 0x80 {
        "ordinal not in range(128)"
    } else {
        "ordinal not in range(256)"
    };
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if (c as u32) < limit {
            out.push(c as u32 as u8);
            i += 1;
            continue;
        }
        // The run of unencodable characters is reported (and replaced) as one.
        let mut j = i + 1;
        while j < chars.len() && chars[j] as u32 >= limit {
            j += 1;
        }
        match errors {
            "strict" => {
                return Err(new_unicode_encode_error(vm, codec.name(), s, i, j, reason));
            }
            "ignore" => {}
            "replace" => out.extend(std::iter::repeat_n(b'?', j - i)),
            "backslashreplace" => {
                for &c in &chars[i..j] {
                    out.extend_from_slice(char_escape(c).as_bytes());
                }
            }
            "xmlcharrefreplace" => {
                for &c in &chars[i..j] {
                    out.extend_from_slice(format!("&#{};", c as u32).as_bytes());
                }
            }
            "namereplace" => {
                // Without the Unicode name database, fall back to escapes.
                for &c in &chars[i..j] {
                    out.extend_from_slice(char_escape(c).as_bytes());
                }
            }
            "surrogateescape" | "surrogatepass" => {
                return Err(new_unicode_encode_error(vm, codec.name(), s, i, j, reason));
            }
            _ => return Err(unknown_handler(vm, errors)),
        }
        i = j;
    }
    Ok(out)
}

/// Why a UTF-8 sequence starting with `lead` failed, CPython's wording.
fn utf8_reason(lead: u8, error_len: Option<usize>) -> &'static str {
    match error_len {
        None => "unexpected end of data",
        Some(1) if !(0xC2..=0xF4).contains(&lead) => "invalid start byte",
        Some(_) => "invalid continuation byte",
    }
}

/// `b.decode(encoding, errors)`.
pub fn decode_bytes(vm: &VM, b: &[u8], encoding: &str, errors: &str) -> PyResult<String> {
    let mut codec = lookup_codec(vm, encoding)?;
    let mut b = b;
    if codec == Codec::Utf8Sig {
        b = b.strip_prefix(b"\xef\xbb\xbf").unwrap_or(b);
        codec = Codec::Utf8;
    }
    match codec {
        Codec::Latin1 => return Ok(b.iter().map(|&x| x as char).collect()),
        Codec::Utf16(e) | Codec::Utf32(e) => {
            return decode_wide(vm, b, matches!(codec, Codec::Utf32(_)), e, errors)
        }
        Codec::UnicodeEscape | Codec::RawUnicodeEscape => {
            return decode_escape(vm, b, codec == Codec::RawUnicodeEscape, errors)
        }
        Codec::Utf8 | Codec::Utf8Sig => {
            if let Ok(s) = std::str::from_utf8(b) {
                return Ok(s.to_string());
            }
        }
        Codec::Ascii => {
            if b.is_ascii() {
                return Ok(String::from_utf8_lossy(b).into_owned());
            }
        }
    }
    let mut out = String::with_capacity(b.len());
    let mut pos = 0;
    while pos < b.len() {
        // Find the next bad range [start, end) and its reason.
        let (good_end, bad_end, reason) = match codec {
            Codec::Utf8 | Codec::Utf8Sig => match std::str::from_utf8(&b[pos..]) {
                Ok(s) => {
                    out.push_str(s);
                    break;
                }
                Err(e) => {
                    let start = pos + e.valid_up_to();
                    let len = e.error_len();
                    let end = match len {
                        Some(n) => start + n,
                        None => b.len(),
                    };
                    (start, end, utf8_reason(b[start], len))
                }
            },
            Codec::Utf16(_) | Codec::Utf32(_) | Codec::UnicodeEscape | Codec::RawUnicodeEscape => {
                break
            }
            _ => match b[pos..].iter().position(|&x| x >= 0x80) {
                None => (b.len(), b.len(), ""),
                Some(p) => (pos + p, pos + p + 1, "ordinal not in range(128)"),
            },
        };
        if let Ok(s) = std::str::from_utf8(&b[pos..good_end]) {
            out.push_str(s);
        }
        if good_end >= b.len() {
            break;
        }
        decode_error(
            vm,
            codec.name(),
            b,
            good_end,
            bad_end,
            reason,
            errors,
            &mut out,
        )?;
        pos = bad_end;
    }
    Ok(out)
}

fn push_unit(out: &mut Vec<u8>, v: u32, size: usize, big: bool) {
    let bytes = v.to_le_bytes();
    let unit = &bytes[..size];
    if big {
        out.extend(unit.iter().rev());
    } else {
        out.extend_from_slice(unit);
    }
}

fn encode_utf16(s: &str, e: Option<Endian>) -> Vec<u8> {
    let big = e == Some(Endian::Big);
    let mut out = Vec::with_capacity(2 * s.len() + 2);
    if e.is_none() {
        push_unit(&mut out, 0xFEFF, 2, false);
    }
    for u in s.encode_utf16() {
        push_unit(&mut out, u as u32, 2, big);
    }
    out
}

fn encode_utf32(s: &str, e: Option<Endian>) -> Vec<u8> {
    let big = e == Some(Endian::Big);
    let mut out = Vec::with_capacity(4 * s.len() + 4);
    if e.is_none() {
        push_unit(&mut out, 0xFEFF, 4, false);
    }
    for c in s.chars() {
        push_unit(&mut out, c as u32, 4, big);
    }
    out
}

/// UTF-16 / UTF-32 decoding; without an explicit byte order a BOM picks
/// it (little-endian otherwise) and is dropped.
fn decode_wide(
    vm: &VM,
    b: &[u8],
    wide32: bool,
    e: Option<Endian>,
    errors: &str,
) -> PyResult<String> {
    let size = if wide32 { 4 } else { 2 };
    let mut pos = 0;
    let mut big = e == Some(Endian::Big);
    if e.is_none() && b.len() >= size {
        let le_bom: &[u8] = if wide32 {
            b"\xff\xfe\x00\x00"
        } else {
            b"\xff\xfe"
        };
        let be_bom: &[u8] = if wide32 {
            b"\x00\x00\xfe\xff"
        } else {
            b"\xfe\xff"
        };
        if &b[..size] == le_bom {
            pos = size;
        } else if &b[..size] == be_bom {
            pos = size;
            big = true;
        }
    }
    let codec = match (wide32, big) {
        (false, false) => Codec::Utf16(Some(Endian::Little)),
        (false, true) => Codec::Utf16(Some(Endian::Big)),
        (true, false) => Codec::Utf32(Some(Endian::Little)),
        (true, true) => Codec::Utf32(Some(Endian::Big)),
    };
    let unit = |at: usize| -> u32 {
        let mut v: u32 = 0;
        for k in 0..size {
            let byte = b[at + if big { k } else { size - 1 - k }] as u32;
            v = (v << 8) | byte;
        }
        v
    };
    let mut out = String::with_capacity(b.len() / size);
    while pos < b.len() {
        // (start, end, reason) of a bad sequence, or a decoded char.
        let bad: (usize, usize, &str) = if b.len() - pos < size {
            (pos, b.len(), "truncated data")
        } else {
            let u = unit(pos);
            if wide32 {
                match char::from_u32(u) {
                    Some(c) => {
                        out.push(c);
                        pos += 4;
                        continue;
                    }
                    None if (0xD800..0xE000).contains(&u) => (
                        pos,
                        pos + 4,
                        "code point in surrogate code point range(0xd800, 0xe000)",
                    ),
                    None => (pos, pos + 4, "code point not in range(0x110000)"),
                }
            } else if (0xD800..0xDC00).contains(&u) {
                if b.len() - pos < 4 {
                    (pos, b.len(), "unexpected end of data")
                } else {
                    let lo = unit(pos + 2);
                    if (0xDC00..0xE000).contains(&lo) {
                        let cp = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00);
                        out.push(char::from_u32(cp).unwrap_or('\u{FFFD}'));
                        pos += 4;
                        continue;
                    }
                    (pos, pos + 2, "illegal UTF-16 surrogate")
                }
            } else if (0xDC00..0xE000).contains(&u) {
                (pos, pos + 2, "illegal encoding")
            } else {
                out.push(char::from_u32(u).unwrap_or('\u{FFFD}'));
                pos += 2;
                continue;
            }
        };
        let (start, end, reason) = bad;
        decode_error(vm, codec.name(), b, start, end, reason, errors, &mut out)?;
        pos = end;
    }
    Ok(out)
}

fn push_escape(out: &mut Vec<u8>, c: char) {
    let u = c as u32;
    let text = if u < 0x100 {
        format!("\\x{u:02x}")
    } else if u < 0x10000 {
        format!("\\u{u:04x}")
    } else {
        format!("\\U{u:08x}")
    };
    out.extend_from_slice(text.as_bytes());
}

/// `unicode_escape` / `raw_unicode_escape` encoding.
fn encode_escape(s: &str, raw: bool) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len());
    for c in s.chars() {
        let u = c as u32;
        if raw {
            if u < 0x100 {
                out.push(u as u8);
            } else {
                push_escape(&mut out, c);
            }
            continue;
        }
        match c {
            '\\' => out.extend_from_slice(b"\\\\"),
            '\t' => out.extend_from_slice(b"\\t"),
            '\n' => out.extend_from_slice(b"\\n"),
            '\r' => out.extend_from_slice(b"\\r"),
            ' '..='~' => out.push(u as u8),
            _ => push_escape(&mut out, c),
        }
    }
    out
}

/// `unicode_escape` / `raw_unicode_escape` decoding. `\N{name}` needs the
/// Unicode name database, which is not available: it is an error.
fn decode_escape(vm: &VM, b: &[u8], raw: bool, errors: &str) -> PyResult<String> {
    let codec = if raw {
        Codec::RawUnicodeEscape
    } else {
        Codec::UnicodeEscape
    };
    let mut out = String::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c != b'\\' {
            out.push(c as char);
            i += 1;
            continue;
        }
        if raw {
            // Only an odd run of backslashes escapes a following u/U.
            let run = b[i..].iter().take_while(|&&x| x == b'\\').count();
            let next = b.get(i + run).copied();
            if run % 2 == 0 || !matches!(next, Some(b'u' | b'U')) {
                out.extend(std::iter::repeat_n('\\', run));
                i += run;
                continue;
            }
            out.extend(std::iter::repeat_n('\\', run - 1));
            i += run - 1;
        }
        let start = i;
        let bad: (usize, &str) = match b.get(i + 1).copied() {
            None => (i + 1, "\\ at end of string"),
            Some(e) => {
                let simple = match e {
                    b'\n' if !raw => Some(None),
                    b'\\' if !raw => Some(Some('\\')),
                    b'\'' if !raw => Some(Some('\'')),
                    b'"' if !raw => Some(Some('"')),
                    b'a' if !raw => Some(Some('\x07')),
                    b'b' if !raw => Some(Some('\x08')),
                    b'f' if !raw => Some(Some('\x0c')),
                    b'n' if !raw => Some(Some('\n')),
                    b'r' if !raw => Some(Some('\r')),
                    b't' if !raw => Some(Some('\t')),
                    b'v' if !raw => Some(Some('\x0b')),
                    _ => None,
                };
                if let Some(ch) = simple {
                    out.extend(ch);
                    i += 2;
                    continue;
                }
                match e {
                    b'0'..=b'7' if !raw => {
                        let digits = b[i + 1..]
                            .iter()
                            .take(3)
                            .take_while(|d| (b'0'..=b'7').contains(d))
                            .count();
                        let v = b[i + 1..i + 1 + digits]
                            .iter()
                            .fold(0u32, |a, d| a * 8 + (d - b'0') as u32);
                        out.push(char::from_u32(v).unwrap_or('\u{FFFD}'));
                        i += 1 + digits;
                        continue;
                    }
                    b'x' | b'u' | b'U' if !raw || e != b'x' => {
                        let (n, what) = match e {
                            b'x' => (2, "truncated \\xXX escape"),
                            b'u' => (4, "truncated \\uXXXX escape"),
                            _ => (8, "truncated \\UXXXXXXXX escape"),
                        };
                        let digits = b[i + 2..]
                            .iter()
                            .take(n)
                            .take_while(|d| d.is_ascii_hexdigit())
                            .count();
                        if digits < n {
                            (i + 2 + digits, what)
                        } else {
                            let text = std::str::from_utf8(&b[i + 2..i + 2 + n]).unwrap_or("0");
                            let v = u32::from_str_radix(text, 16).unwrap_or(0);
                            match char::from_u32(v) {
                                Some(ch) => {
                                    out.push(ch);
                                    i += 2 + n;
                                    continue;
                                }
                                None if raw => (i + 2 + n, "\\Uxxxxxxxx out of range"),
                                None => (i + 2 + n, "illegal Unicode character"),
                            }
                        }
                    }
                    b'N' if !raw => {
                        let close = b[i + 2..].iter().position(|&x| x == b'}');
                        match (b.get(i + 2), close) {
                            (Some(b'{'), Some(p)) if p > 1 => {
                                (i + 3 + p, "unknown Unicode character name")
                            }
                            _ => (
                                (i + 2 + b[i + 2..].iter().take_while(|&&x| x != b'}').count())
                                    .min(b.len()),
                                "malformed \\N character escape",
                            ),
                        }
                    }
                    _ => {
                        // Unknown escapes stay as written.
                        out.push('\\');
                        i += 1;
                        continue;
                    }
                }
            }
        };
        let (end, reason) = bad;
        decode_error(vm, codec.name(), b, start, end, reason, errors, &mut out)?;
        i = end;
    }
    Ok(out)
}
