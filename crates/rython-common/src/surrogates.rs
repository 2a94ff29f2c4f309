//! Lone surrogates inside Rust text.
//!
//! A Python `str` is a sequence of code points, and U+D800..U+DFFF are
//! code points like any other (`'\ud800'`, `chr(0xdc80)`, what the
//! `surrogateescape` and `surrogatepass` error handlers produce). Rust's
//! `str` cannot hold them, and Rython keeps its text as Rust `str` so that
//! the whole VM can use Rust's string machinery.
//!
//! So each lone surrogate is written as a *stand-in*: the code point
//! `STAND_IN_BASE + (s - 0xD800)`, in U+DF800..U+DFFFF at the end of plane
//! 13. That range is unassigned in every Unicode version so far (planes 4
//! to 13 are empty), and a stand-in behaves as a surrogate does wherever the
//! character database matters: not printable, not alphabetic, no case, not
//! whitespace, not an identifier character. Code that turns text into code
//! points (`ord`, `repr`, `hash`, comparisons, encoders) maps stand-ins
//! back with [`code_point`].
//!
//! A text that really holds characters of U+DF800..U+DFFFF (from `chr()` or
//! a decoder) is marked as such by its owner (the `str` object's flag), and
//! then reads them as themselves: the `genuine` arguments below.

/// The stand-in of U+D800.
pub const STAND_IN_BASE: u32 = 0xDF800;
const SURROGATES: std::ops::Range<u32> = 0xD800..0xE000;

/// The character that stores code point `cp` (< 0x110000): itself, or the
/// stand-in of a lone surrogate.
#[inline]
pub fn store(cp: u32) -> Option<char> {
    if SURROGATES.contains(&cp) {
        char::from_u32(cp - 0xD800 + STAND_IN_BASE)
    } else {
        char::from_u32(cp)
    }
}

#[inline]
pub fn is_stand_in(c: char) -> bool {
    (STAND_IN_BASE..STAND_IN_BASE + 0x800).contains(&(c as u32))
}

/// The code point `c` stands for.
#[inline]
pub fn code_point(c: char, genuine: bool) -> u32 {
    let u = c as u32;
    if !genuine && is_stand_in(c) {
        u - STAND_IN_BASE + 0xD800
    } else {
        u
    }
}

/// The code points of `s`.
pub fn code_points(s: &str, genuine: bool) -> impl Iterator<Item = u32> + Clone + '_ {
    s.chars().map(move |c| code_point(c, genuine))
}

/// Whether `s` holds a character of the stand-in range. Its UTF-8 form is
/// F3 9F A0..BF xx, and F3 starts only plane 12..15 characters, so the scan
/// is a byte search that almost never looks further.
pub fn has_stand_in(s: &str) -> bool {
    let b = s.as_bytes();
    let mut from = 0;
    while let Some(p) = b[from..].iter().position(|&x| x == 0xF3) {
        let at = from + p;
        if b.get(at + 1) == Some(&0x9F) && b.get(at + 2).is_some_and(|&x| x >= 0xA0) {
            return true;
        }
        from = at + 1;
    }
    false
}

/// `s` as it would be stored after pushing code point `cp`.
#[inline]
pub fn push(s: &mut String, cp: u32) {
    if let Some(c) = store(cp) {
        s.push(c);
    }
}

/// Bytes from the OS (file names, arguments, environment) as text: UTF-8,
/// with each undecodable byte as the lone surrogate U+DC80..U+DCFF
/// (CPython's filesystem decoding with `surrogateescape`).
pub fn from_os_bytes(b: &[u8]) -> String {
    let mut out = String::with_capacity(b.len());
    let mut rest = b;
    loop {
        match std::str::from_utf8(rest) {
            Ok(s) => {
                out.push_str(s);
                return out;
            }
            Err(e) => {
                let (good, bad) = rest.split_at(e.valid_up_to());
                out.push_str(std::str::from_utf8(good).unwrap_or_default());
                let n = e.error_len().unwrap_or(bad.len()).max(1);
                for &x in &bad[..n] {
                    push(&mut out, 0xDC00 + x as u32);
                }
                rest = &bad[n..];
            }
        }
    }
}

/// Text as OS bytes, the inverse of [`from_os_bytes`]: the stand-ins of
/// U+DC80..U+DCFF become their bytes again. `Err` gives the code point
/// index of a character that has no byte form (another lone surrogate).
pub fn to_os_bytes(s: &str) -> Result<std::borrow::Cow<'_, [u8]>, usize> {
    if !has_stand_in(s) {
        return Ok(std::borrow::Cow::Borrowed(s.as_bytes()));
    }
    let mut out = Vec::with_capacity(s.len());
    for (i, c) in s.chars().enumerate() {
        match code_point(c, false) {
            cp @ 0xDC80..=0xDCFF => out.push((cp - 0xDC00) as u8),
            0xD800..=0xDFFF => return Err(i),
            _ => out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes()),
        }
    }
    Ok(std::borrow::Cow::Owned(out))
}

/// The OS path a text names (see [`to_os_bytes`]; a text with other lone
/// surrogates keeps its UTF-8 form, which names no existing file).
#[cfg(unix)]
pub fn os_path(s: &str) -> std::path::PathBuf {
    use std::os::unix::ffi::OsStrExt;
    match to_os_bytes(s) {
        Ok(b) => std::ffi::OsStr::from_bytes(&b).into(),
        Err(_) => s.into(),
    }
}

/// A path from the OS as text (see [`from_os_bytes`]).
#[cfg(unix)]
pub fn path_text(p: &std::path::Path) -> String {
    use std::os::unix::ffi::OsStrExt;
    from_os_bytes(p.as_os_str().as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_every_surrogate() {
        for cp in 0xD800..0xE000 {
            let c = store(cp).unwrap();
            assert!(is_stand_in(c));
            assert_eq!(code_point(c, false), cp);
            assert_eq!(code_point(c, true), c as u32);
            let mut s = String::from("ab");
            push(&mut s, cp);
            assert!(has_stand_in(&s));
        }
    }

    #[test]
    fn os_bytes_round_trip() {
        for b in [
            &b"plain"[..],
            b"caf\xc3\xa9",
            b"a\xffb\x80",
            b"\xe2\x82",
            b"\xed\xa0\x80x",
        ] {
            let s = from_os_bytes(b);
            assert_eq!(to_os_bytes(&s).unwrap().as_ref(), b, "{s:?}");
        }
        assert_eq!(from_os_bytes(b"a\xff").chars().count(), 2);
        let mut s = String::from("ab");
        push(&mut s, 0xD800);
        assert_eq!(to_os_bytes(&s), Err(2));
    }

    #[test]
    fn ordinary_text_has_no_stand_in() {
        for s in [
            "",
            "abc",
            "é€😀",
            "\u{F0000}\u{FFFFD}",
            "\u{DF7FF}",
            "\u{E0000}",
        ] {
            assert!(!has_stand_in(s), "{s:?}");
        }
        assert!(has_stand_in("x\u{DFFFF}"));
        assert_eq!(store(0x41), Some('A'));
        assert_eq!(store(0x110000), None);
    }
}
