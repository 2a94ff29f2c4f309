//! The built-in codecs behind `str.encode`, `bytes.decode`, `str(b, enc)`
//! and `open()`: UTF-8 (with and without signature), UTF-16, UTF-32, ASCII,
//! Latin-1 and the escape codecs, with the standard error handlers
//! (CPython's Objects/unicodeobject.c codecs and Python/codecs.c handlers).
//!
//! Lone surrogates travel as stand-ins (`rython_common::surrogates`):
//! encoders read text as code points, and decoders report whether the
//! stand-in range of their result is genuine text or came from the
//! `surrogateescape` / `surrogatepass` handlers.

use rython_common::surrogates;

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
pub(crate) fn char_escape(u: u32) -> String {
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
            char_escape(surrogates::code_point(c, false))
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

/// Text being decoded, and whether an error handler put lone surrogates
/// (stand-ins) into it.
#[derive(Default)]
struct DecodeOut {
    text: String,
    surrogates: bool,
}

impl DecodeOut {
    fn with_capacity(n: usize) -> DecodeOut {
        DecodeOut {
            text: String::with_capacity(n),
            surrogates: false,
        }
    }

    fn push_surrogate(&mut self, cp: u32) {
        surrogates::push(&mut self.text, cp);
        self.surrogates = true;
    }

    /// The text, and whether its stand-in range is genuine text (it came
    /// from the bytes, not from an error handler).
    fn finish(self) -> (String, bool) {
        let genuine = !self.surrogates && surrogates::has_stand_in(&self.text);
        (self.text, genuine)
    }
}

/// Applies the `errors` handler to the undecodable bytes `b[start..end]`
/// (`bad`): raises, or appends the replacement to `out` and says where
/// decoding goes on.
fn decode_error(
    vm: &VM,
    codec: Codec,
    b: &[u8],
    bad: (usize, usize, &str),
    errors: &str,
    out: &mut DecodeOut,
) -> PyResult<usize> {
    let (start, end, reason) = bad;
    let fail = || new_unicode_decode_error(vm, codec.name(), b, start, end, reason);
    match errors {
        "strict" => Err(fail()),
        "ignore" => Ok(end),
        "replace" => {
            out.text.push('\u{FFFD}');
            Ok(end)
        }
        "backslashreplace" => {
            for &x in &b[start..end] {
                out.text.push_str(&format!("\\x{x:02x}"));
            }
            Ok(end)
        }
        "surrogateescape" => {
            // Up to 4 bytes, each >= 0x80, become U+DC80..U+DCFF.
            let n = b[start..end]
                .iter()
                .take(4)
                .take_while(|&&x| x >= 0x80)
                .count();
            if n == 0 {
                return Err(fail());
            }
            for &x in &b[start..start + n] {
                out.push_surrogate(0xDC00 + x as u32);
            }
            Ok(start + n)
        }
        "surrogatepass" => match surrogate_at(codec, &b[start..]) {
            Some((cp, n)) => {
                out.push_surrogate(cp);
                Ok(start + n)
            }
            None => Err(fail()),
        },
        _ => Err(unknown_handler(vm, errors)),
    }
}

/// The lone surrogate encoded at the start of `b` in `codec`'s own form,
/// and its length (what `surrogatepass` lets through when decoding).
fn surrogate_at(codec: Codec, b: &[u8]) -> Option<(u32, usize)> {
    let (cp, n) = match codec {
        Codec::Utf8 | Codec::Utf8Sig => match b {
            [0xED, x @ 0xA0..=0xBF, y @ 0x80..=0xBF, ..] => {
                (0xD000 | ((*x as u32 & 0x3F) << 6) | (*y as u32 & 0x3F), 3)
            }
            _ => return None,
        },
        Codec::Utf16(e) | Codec::Utf32(e) => {
            let size = if matches!(codec, Codec::Utf16(_)) {
                2
            } else {
                4
            };
            let unit = b.get(..size)?;
            let v = if e == Some(Endian::Big) {
                unit.iter().fold(0u32, |a, &x| (a << 8) | x as u32)
            } else {
                unit.iter().rev().fold(0u32, |a, &x| (a << 8) | x as u32)
            };
            (v, size)
        }
        _ => return None,
    };
    (0xD800..0xE000).contains(&cp).then_some((cp, n))
}

fn unknown_handler(vm: &VM, errors: &str) -> PyBaseExceptionRef {
    vm.new_lookup_error(format!("unknown error handler name '{errors}'"))
}

/// `s.encode(encoding, errors)`. `genuine` says how `s`'s stand-in range
/// reads (see `rython_common::surrogates`): as itself, or as lone
/// surrogates.
pub fn encode_str(
    vm: &VM,
    s: &str,
    genuine: bool,
    encoding: &str,
    errors: &str,
) -> PyResult<Vec<u8>> {
    let codec = lookup_codec(vm, encoding)?;
    let clean = genuine || !surrogates::has_stand_in(s);
    match codec {
        Codec::Utf8 if clean => return Ok(s.as_bytes().to_vec()),
        Codec::Utf8Sig if clean => {
            let mut v = b"\xef\xbb\xbf".to_vec();
            v.extend_from_slice(s.as_bytes());
            return Ok(v);
        }
        Codec::UnicodeEscape | Codec::RawUnicodeEscape => {
            return Ok(encode_escape(
                surrogates::code_points(s, genuine),
                codec == Codec::RawUnicodeEscape,
            ))
        }
        Codec::Ascii | Codec::Latin1 if s.is_ascii() => return Ok(s.as_bytes().to_vec()),
        _ => {}
    }
    let cps: Vec<u32> = surrogates::code_points(s, genuine).collect();
    let mut enc = Encoder::new(codec, cps.len());
    let name = enc.name;
    let mut i = 0;
    while i < cps.len() {
        if enc.accepts(cps[i]) {
            enc.emit(cps[i]);
            i += 1;
            continue;
        }
        // A run of unencodable characters goes to the handler as one,
        // except in the UTF-16/32 encoders, which report each alone.
        let mut j = i + 1;
        while j < cps.len() && !enc.accepts(cps[j]) && !codec_is_wide(codec) {
            j += 1;
        }
        let fail = |at: usize| -> PyBaseExceptionRef {
            new_unicode_encode_error(vm, name, s, at, j, enc.reason)
        };
        match errors {
            "strict" => return Err(fail(i)),
            "ignore" => {}
            "replace" => (i..j).for_each(|_| enc.emit('?' as u32)),
            "backslashreplace" | "namereplace" => {
                // Without the character-name database `namereplace` falls
                // back to escapes (what CPython does for unnamed ones).
                for &c in &cps[i..j] {
                    char_escape(c).bytes().for_each(|b| enc.emit(b as u32));
                }
            }
            "xmlcharrefreplace" => {
                for &c in &cps[i..j] {
                    format!("&#{c};").bytes().for_each(|b| enc.emit(b as u32));
                }
            }
            "surrogateescape" => {
                // Only U+DC80..U+DCFF carry an escaped byte; the handler
                // fails at the first other character of the run.
                for (k, &c) in cps.iter().enumerate().take(j).skip(i) {
                    if !(0xDC80..=0xDCFF).contains(&c) || codec_is_wide(codec) {
                        return Err(fail(k));
                    }
                    enc.out.push((c - 0xDC00) as u8);
                }
            }
            "surrogatepass" => {
                for (k, &c) in cps.iter().enumerate().take(j).skip(i) {
                    if !enc.emit_surrogate(c) {
                        return Err(fail(k));
                    }
                }
            }
            _ => return Err(unknown_handler(vm, errors)),
        }
        i = j;
    }
    Ok(enc.out)
}

fn codec_is_wide(codec: Codec) -> bool {
    matches!(codec, Codec::Utf16(_) | Codec::Utf32(_))
}

/// The per-character side of the encoders: which code points a codec
/// takes and how it writes them.
struct Encoder {
    codec: Codec,
    big: bool,
    name: &'static str,
    reason: &'static str,
    out: Vec<u8>,
}

impl Encoder {
    fn new(codec: Codec, n: usize) -> Encoder {
        let (name, reason) = match codec {
            Codec::Ascii => ("ascii", "ordinal not in range(128)"),
            Codec::Latin1 => ("latin-1", "ordinal not in range(256)"),
            // With a BOM the messages name the generic codec.
            Codec::Utf16(None) => ("utf-16", "surrogates not allowed"),
            Codec::Utf32(None) => ("utf-32", "surrogates not allowed"),
            c => (c.name(), "surrogates not allowed"),
        };
        let mut enc = Encoder {
            codec,
            big: matches!(
                codec,
                Codec::Utf16(Some(Endian::Big)) | Codec::Utf32(Some(Endian::Big))
            ),
            name,
            reason,
            out: Vec::with_capacity(n + 4),
        };
        match codec {
            Codec::Utf8Sig => enc.out.extend_from_slice(b"\xef\xbb\xbf"),
            Codec::Utf16(None) | Codec::Utf32(None) => enc.emit(0xFEFF),
            _ => {}
        }
        enc
    }

    fn accepts(&self, cp: u32) -> bool {
        match self.codec {
            Codec::Ascii => cp < 0x80,
            Codec::Latin1 => cp < 0x100,
            _ => !(0xD800..0xE000).contains(&cp),
        }
    }

    /// Writes an accepted code point (or an ASCII replacement).
    fn emit(&mut self, cp: u32) {
        match self.codec {
            Codec::Ascii | Codec::Latin1 => self.out.push(cp as u8),
            Codec::Utf16(_) => {
                let mut units = [0u16; 2];
                let c = char::from_u32(cp).unwrap_or('\u{FFFD}');
                for &u in c.encode_utf16(&mut units).iter() {
                    push_unit(&mut self.out, u as u32, 2, self.big);
                }
            }
            Codec::Utf32(_) => push_unit(&mut self.out, cp, 4, self.big),
            _ => {
                let mut buf = [0u8; 4];
                let c = char::from_u32(cp).unwrap_or('\u{FFFD}');
                self.out
                    .extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
            }
        }
    }

    /// `surrogatepass`: writes a lone surrogate as the UTF codecs would
    /// write any other BMP code point; false where the codec can't.
    fn emit_surrogate(&mut self, cp: u32) -> bool {
        if !(0xD800..0xE000).contains(&cp) {
            return false;
        }
        match self.codec {
            Codec::Utf8 | Codec::Utf8Sig => self.out.extend_from_slice(&[
                0xE0 | (cp >> 12) as u8,
                0x80 | ((cp >> 6) & 0x3F) as u8,
                0x80 | (cp & 0x3F) as u8,
            ]),
            Codec::Utf16(_) => push_unit(&mut self.out, cp, 2, self.big),
            Codec::Utf32(_) => push_unit(&mut self.out, cp, 4, self.big),
            _ => return false,
        }
        true
    }
}

/// Why a UTF-8 sequence starting with `lead` failed, CPython's wording.
fn utf8_reason(lead: u8, error_len: Option<usize>) -> &'static str {
    match error_len {
        None => "unexpected end of data",
        Some(1) if !(0xC2..=0xF4).contains(&lead) => "invalid start byte",
        Some(_) => "invalid continuation byte",
    }
}

/// `b.decode(encoding, errors)`. Lone surrogates from the error handlers
/// are stand-ins (see `rython_common::surrogates`).
pub fn decode_bytes(vm: &VM, b: &[u8], encoding: &str, errors: &str) -> PyResult<String> {
    Ok(decode(vm, b, encoding, errors)?.0)
}

/// `b.decode(encoding, errors)` as a new str object.
pub fn decode_to_str(vm: &VM, b: &[u8], encoding: &str, errors: &str) -> PyResult<PyObjectRef> {
    let (text, genuine) = decode(vm, b, encoding, errors)?;
    Ok(vm.new_str_read(text, genuine))
}

/// The decoded text and whether its stand-in range is genuine.
fn decode(vm: &VM, b: &[u8], encoding: &str, errors: &str) -> PyResult<(String, bool)> {
    let mut codec = lookup_codec(vm, encoding)?;
    let mut b = b;
    if codec == Codec::Utf8Sig {
        b = b.strip_prefix(b"\xef\xbb\xbf").unwrap_or(b);
        codec = Codec::Utf8;
    }
    match codec {
        Codec::Latin1 => return Ok((b.iter().map(|&x| x as char).collect(), false)),
        Codec::Utf16(e) | Codec::Utf32(e) => {
            return decode_wide(vm, b, matches!(codec, Codec::Utf32(_)), e, errors)
        }
        Codec::UnicodeEscape | Codec::RawUnicodeEscape => {
            return decode_escape(vm, b, codec == Codec::RawUnicodeEscape, errors)
        }
        Codec::Utf8 | Codec::Utf8Sig => {
            if let Ok(s) = std::str::from_utf8(b) {
                return Ok((s.to_string(), surrogates::has_stand_in(s)));
            }
        }
        Codec::Ascii => {
            if b.is_ascii() {
                return Ok((String::from_utf8_lossy(b).into_owned(), false));
            }
        }
    }
    let mut out = DecodeOut::with_capacity(b.len());
    let mut pos = 0;
    while pos < b.len() {
        // Find the next bad range [start, end) and its reason.
        let (good_end, bad_end, reason) = match codec {
            Codec::Utf8 | Codec::Utf8Sig => match std::str::from_utf8(&b[pos..]) {
                Ok(s) => {
                    out.text.push_str(s);
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
            out.text.push_str(s);
        }
        if good_end >= b.len() {
            break;
        }
        pos = decode_error(vm, codec, b, (good_end, bad_end, reason), errors, &mut out)?;
    }
    Ok(out.finish())
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

/// UTF-16 / UTF-32 decoding; without an explicit byte order a BOM picks
/// it (little-endian otherwise) and is dropped.
fn decode_wide(
    vm: &VM,
    b: &[u8],
    wide32: bool,
    e: Option<Endian>,
    errors: &str,
) -> PyResult<(String, bool)> {
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
    let mut out = DecodeOut::with_capacity(b.len() / size);
    while pos < b.len() {
        // (start, end, reason) of a bad sequence, or a decoded char.
        let bad: (usize, usize, &str) = if b.len() - pos < size {
            (pos, b.len(), "truncated data")
        } else {
            let u = unit(pos);
            if wide32 {
                match char::from_u32(u) {
                    Some(c) => {
                        out.text.push(c);
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
                        out.text.push(char::from_u32(cp).unwrap_or('\u{FFFD}'));
                        pos += 4;
                        continue;
                    }
                    (pos, pos + 2, "illegal UTF-16 surrogate")
                }
            } else if (0xDC00..0xE000).contains(&u) {
                (pos, pos + 2, "illegal encoding")
            } else {
                out.text.push(char::from_u32(u).unwrap_or('\u{FFFD}'));
                pos += 2;
                continue;
            }
        };
        pos = decode_error(vm, codec, b, bad, errors, &mut out)?;
    }
    Ok(out.finish())
}

/// `unicode_escape` / `raw_unicode_escape` encoding.
fn encode_escape(cps: impl Iterator<Item = u32>, raw: bool) -> Vec<u8> {
    let mut out = Vec::with_capacity(cps.size_hint().0);
    for u in cps {
        match u {
            _ if raw && u < 0x100 => out.push(u as u8),
            0x5C if !raw => out.extend_from_slice(b"\\\\"),
            0x09 if !raw => out.extend_from_slice(b"\\t"),
            0x0A if !raw => out.extend_from_slice(b"\\n"),
            0x0D if !raw => out.extend_from_slice(b"\\r"),
            0x20..=0x7E => out.push(u as u8),
            _ => out.extend_from_slice(char_escape(u).as_bytes()),
        }
    }
    out
}

/// `unicode_escape` / `raw_unicode_escape` decoding. `\N{name}` needs the
/// Unicode name database, which is not available: it is an error.
fn decode_escape(vm: &VM, b: &[u8], raw: bool, errors: &str) -> PyResult<(String, bool)> {
    let codec = if raw {
        Codec::RawUnicodeEscape
    } else {
        Codec::UnicodeEscape
    };
    let mut out = DecodeOut::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c != b'\\' {
            out.text.push(c as char);
            i += 1;
            continue;
        }
        if raw {
            // Only an odd run of backslashes escapes a following u/U.
            let run = b[i..].iter().take_while(|&&x| x == b'\\').count();
            let next = b.get(i + run).copied();
            if run % 2 == 0 || !matches!(next, Some(b'u' | b'U')) {
                out.text.extend(std::iter::repeat_n('\\', run));
                i += run;
                continue;
            }
            out.text.extend(std::iter::repeat_n('\\', run - 1));
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
                    out.text.extend(ch);
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
                        out.text.push(char::from_u32(v).unwrap_or('\u{FFFD}'));
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
                                    out.text.push(ch);
                                    i += 2 + n;
                                    continue;
                                }
                                None if (0xD800..0xE000).contains(&v) => {
                                    out.push_surrogate(v);
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
                        out.text.push('\\');
                        i += 1;
                        continue;
                    }
                }
            }
        };
        let (end, reason) = bad;
        i = decode_error(vm, codec, b, (start, end, reason), errors, &mut out)?;
    }
    Ok(out.finish())
}
