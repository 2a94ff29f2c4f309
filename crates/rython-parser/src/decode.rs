//! Source decoding (PEP 263 / PEP 3120): BOM, coding declarations and the
//! errors CPython raises for undecodable input.

use crate::error::{SyntaxErrorInfo, SyntaxErrorKind};

fn err(
    msg: String,
    lineno: u32,
    offset: u32,
    end_offset: u32,
    text: Option<String>,
) -> SyntaxErrorInfo {
    SyntaxErrorInfo {
        kind: SyntaxErrorKind::SyntaxError,
        msg,
        lineno,
        offset,
        end_lineno: lineno,
        end_offset,
        text,
        args_msg_only: false,
    }
}

/// The encoding named by a `coding[:=]` comment on `line`, if any.
fn coding_spec(line: &[u8]) -> Option<String> {
    let s = String::from_utf8_lossy(line);
    let t = s.trim_start_matches([' ', '\t', '\x0c']);
    if !t.starts_with('#') {
        return None;
    }
    let i = t.find("coding")?;
    let rest = &t[i + 6..];
    let rest = rest.strip_prefix(':').or_else(|| rest.strip_prefix('='))?;
    let rest = rest.trim_start_matches([' ', '\t']);
    let name: String = rest
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
        .collect();
    if name.is_empty() {
        None
    } else {
        Some(name)
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Enc {
    Utf8,
    Latin1,
    Ascii,
    /// An index into `codecs::CODECS`.
    Table(usize),
}

fn normalize(name: &str) -> Option<Enc> {
    let n: String = name.to_ascii_lowercase().replace('_', "-");
    let n = n.as_str();
    if n == "utf-8"
        || n == "utf8"
        || n.starts_with("utf-8-")
        || n == "utf-8-sig"
        || n == "u8"
        || n == "utf"
    {
        return Some(Enc::Utf8);
    }
    if matches!(
        n,
        "latin-1"
            | "iso-8859-1"
            | "iso-latin-1"
            | "latin1"
            | "iso8859-1"
            | "8859"
            | "cp819"
            | "l1"
            | "latin"
            | "iso-ir-100"
    ) || n.starts_with("latin-1-")
        || n.starts_with("iso-8859-1-")
        || n.starts_with("iso-latin-1-")
    {
        return Some(Enc::Latin1);
    }
    if matches!(
        n,
        "ascii" | "us-ascii" | "646" | "us" | "ansi-x3.4-1968" | "iso646-us" | "cp367"
    ) {
        return Some(Enc::Ascii);
    }
    crate::codecs::CODECS
        .iter()
        .position(|(names, _)| names.contains(&n) || names.contains(&n.replace('-', "").as_str()))
        .map(Enc::Table)
}

fn lines(src: &[u8]) -> Vec<&[u8]> {
    let mut v = Vec::new();
    let mut start = 0;
    for (i, &b) in src.iter().enumerate() {
        if b == b'\n' {
            v.push(&src[start..=i]);
            start = i + 1;
            if v.len() == 2 {
                return v;
            }
        }
    }
    if start < src.len() {
        v.push(&src[start..]);
    }
    v
}

/// The PEP 263 declaration of the first two lines, if any.
pub(crate) fn declared_encoding(source: &[u8]) -> Option<String> {
    let src = source.strip_prefix(b"\xef\xbb\xbf").unwrap_or(source);
    find_spec(&lines(src))
}

fn find_spec(ls: &[&[u8]]) -> Option<String> {
    let mut spec = ls.first().and_then(|l| coding_spec(l));
    if spec.is_none() && ls.len() > 1 {
        let first = String::from_utf8_lossy(ls[0]);
        let t = first.trim_start_matches([' ', '\t', '\x0c']);
        if t.is_empty() || t.starts_with('#') || t.starts_with('\n') || t.starts_with('\r') {
            spec = coding_spec(ls[1]);
        }
    }
    spec
}

pub(crate) fn decode(source: &[u8], _filename: &str) -> Result<String, SyntaxErrorInfo> {
    let (bom, src) = match source.strip_prefix(b"\xef\xbb\xbf") {
        Some(rest) => (true, rest),
        None => (false, source),
    };
    let ls = lines(src);
    let spec = find_spec(&ls);
    let enc = match &spec {
        None => Enc::Utf8,
        Some(name) => match normalize(name) {
            Some(e) => e,
            None => return Err(err(format!("unknown encoding: {}", name), 0, 0, 0, None)),
        },
    };
    let exact_utf8 = spec.as_deref().is_none_or(|n| {
        let n = n.to_ascii_lowercase().replace('_', "-");
        n == "utf-8" || n.starts_with("utf-8-")
    });
    if bom && !exact_utf8 {
        let spec = spec.map(|n| {
            if enc == Enc::Latin1 {
                "iso-8859-1".to_string()
            } else {
                n
            }
        });
        return Err(err(
            format!("encoding problem: {} with BOM", spec.unwrap_or_default()),
            0,
            0,
            0,
            None,
        ));
    }
    match enc {
        Enc::Latin1 => Ok(src.iter().map(|&b| b as char).collect()),
        Enc::Table(i) => {
            let table = &crate::codecs::CODECS[i].1;
            let mut out = String::with_capacity(src.len());
            for (pos, &b) in src.iter().enumerate() {
                if b < 0x80 {
                    out.push(b as char);
                    continue;
                }
                match char::from_u32(table[(b - 0x80) as usize] as u32) {
                    Some(c) if c != '\u{ffff}' => out.push(c),
                    _ => {
                        return Err(bad_byte(
                            src,
                            pos,
                            "'charmap' codec can't decode byte",
                            "character maps to <undefined>",
                        ))
                    }
                }
            }
            Ok(out)
        }
        Enc::Utf8 | Enc::Ascii => match std::str::from_utf8(src) {
            Ok(s) if enc == Enc::Ascii && !s.is_ascii() => {
                let pos = s.bytes().position(|b| b >= 0x80).unwrap_or(0);
                Err(err(
                    format!(
                        "'ascii' codec can't decode byte 0x{:02x} in position {}: ordinal not in range(128)",
                        src[pos], pos
                    ),
                    0,
                    0,
                    0,
                    None,
                ))
            }
            Ok(s) => Ok(s.to_string()),
            Err(_) if enc == Enc::Ascii => {
                let pos = src.iter().position(|&b| b >= 0x80).unwrap_or(0);
                Err(err(
                    format!("'ascii' codec can't decode byte 0x{:02x} in position {}: ordinal not in range(128)", src[pos], pos),
                    0,
                    0,
                    0,
                    None,
                ))
            }
            Err(_) => crate::decode_utf8::decode(src),
        },
    }
}

fn bad_byte(src: &[u8], pos: usize, what: &str, reason: &str) -> SyntaxErrorInfo {
    let line_start = src[..pos]
        .iter()
        .rposition(|&b| b == b'\n')
        .map(|i| i + 1)
        .unwrap_or(0);
    let lineno = src[..pos].iter().filter(|&&b| b == b'\n').count() as u32 + 1;
    let line_end = src[pos..]
        .iter()
        .position(|&b| b == b'\n')
        .map(|i| pos + i + 1)
        .unwrap_or(src.len());
    let text = String::from_utf8_lossy(&src[line_start..line_end]).into_owned();
    let col = String::from_utf8_lossy(&src[line_start..pos])
        .chars()
        .count() as u32;
    err(
        format!(
            "(unicode error) {} 0x{:02x} in position 0: {}",
            what, src[pos], reason
        ),
        lineno,
        col + 1,
        col + 2,
        Some(text),
    )
}
