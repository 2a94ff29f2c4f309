//! Decoding of string and bytes literal bodies: escape sequences as in
//! CPython's `Parser/string_parser.c`.

pub(crate) enum StrValue {
    Str(String),
    Bytes(Vec<u8>),
}

/// Splits a STRING token into (prefix lowercased, body without quotes).
pub(crate) fn split_literal(text: &str) -> (String, &str) {
    let qpos = text.find(['"', '\'']).unwrap_or(0);
    let prefix = text[..qpos].to_ascii_lowercase();
    let rest = &text[qpos..];
    let q = rest.as_bytes().first().copied().unwrap_or(b'"');
    let triple = rest.len() >= 6 && rest.as_bytes()[1] == q && rest.as_bytes()[2] == q;
    let n = if triple { 3 } else { 1 };
    let body = if rest.len() >= 2 * n {
        &rest[n..rest.len() - n]
    } else {
        ""
    };
    (prefix, body)
}

/// Decodes a whole STRING token. The error is the message CPython raises.
pub(crate) fn decode_string_token(text: &str) -> Result<StrValue, String> {
    let (prefix, body) = split_literal(text);
    let raw = prefix.contains('r');
    if prefix.contains('b') {
        if let Some(_c) = body.chars().find(|c| !c.is_ascii()) {
            return Err("bytes can only contain ASCII literal characters".into());
        }
        if raw {
            return Ok(StrValue::Bytes(body.as_bytes().to_vec()));
        }
        return decode_bytes(body).map(StrValue::Bytes);
    }
    if raw {
        return Ok(StrValue::Str(body.to_string()));
    }
    decode_str(body, false).map(StrValue::Str)
}

fn unicode_err(start: usize, end: usize, what: &str) -> String {
    if end > start + 1 {
        format!(
            "(unicode error) 'unicodeescape' codec can't decode bytes in position {}-{}: {}",
            start,
            end - 1,
            what
        )
    } else {
        format!(
            "(unicode error) 'unicodeescape' codec can't decode byte 0x5c in position {}: {}",
            start, what
        )
    }
}

/// Decodes escapes in a str literal body. With `fstring`, `{{`/`}}` are
/// also collapsed.
pub(crate) fn decode_str(body: &str, fstring: bool) -> Result<String, String> {
    if !body.contains('\\') && !(fstring && (body.contains("{{") || body.contains("}}"))) {
        return Ok(body.to_string());
    }
    let b = body.as_bytes();
    let mut out = String::with_capacity(body.len());
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if fstring && (c == b'{' || c == b'}') && b.get(i + 1) == Some(&c) {
            out.push(c as char);
            i += 2;
            continue;
        }
        if c != b'\\' {
            let ch = body[i..].chars().next().unwrap_or('\u{fffd}');
            out.push(ch);
            i += ch.len_utf8();
            continue;
        }
        let start = i;
        i += 1;
        let Some(&e) = b.get(i) else {
            if fstring {
                // `f"\{x}"`: the backslash stays, the brace opens a field.
                out.push('\\');
                break;
            }
            return Err(unicode_err(start, i, "\\ at end of string"));
        };
        i += 1;
        match e {
            b'\n' => {}
            b'\r' => {
                if b.get(i) == Some(&b'\n') {
                    i += 1;
                }
            }
            b'\\' => out.push('\\'),
            b'\'' => out.push('\''),
            b'"' => out.push('"'),
            b'a' => out.push('\x07'),
            b'b' => out.push('\x08'),
            b'f' => out.push('\x0c'),
            b'n' => out.push('\n'),
            b'r' => out.push('\r'),
            b't' => out.push('\t'),
            b'v' => out.push('\x0b'),
            b'0'..=b'7' => {
                let mut v = (e - b'0') as u32;
                let mut n = 1;
                while n < 3 && matches!(b.get(i), Some(b'0'..=b'7')) {
                    v = v * 8 + (b[i] - b'0') as u32;
                    i += 1;
                    n += 1;
                }
                if v > 0o377 {
                    note_invalid_octal(b, start, &body[start + 1..i]);
                }
                out.push(char::from_u32(v).unwrap_or('\u{fffd}'));
            }
            b'x' | b'u' | b'U' => {
                let (n, what) = match e {
                    b'x' => (2, "truncated \\xXX escape"),
                    b'u' => (4, "truncated \\uXXXX escape"),
                    _ => (8, "truncated \\UXXXXXXXX escape"),
                };
                let mut v: u32 = 0;
                for k in 0..n {
                    match b.get(i + k).and_then(|&d| (d as char).to_digit(16)) {
                        Some(d) => v = v * 16 + d,
                        None => return Err(unicode_err(start, i + k, what)),
                    }
                }
                i += n;
                // A lone surrogate is stored as its stand-in.
                match rython_common::surrogates::store(v) {
                    Some(ch) => out.push(ch),
                    None => return Err(unicode_err(start, i, "illegal Unicode character")),
                }
            }
            b'N' => {
                if b.get(i) != Some(&b'{') {
                    return Err(unicode_err(start, i, "malformed \\N character escape"));
                }
                let close = match body[i..].find('}') {
                    Some(c) if c > 1 => i + c,
                    _ => {
                        return Err(unicode_err(
                            start,
                            body.len(),
                            "malformed \\N character escape",
                        ))
                    }
                };
                let name = &body[i + 1..close];
                match unicode_names2::character(name) {
                    Some(ch) => out.push(ch),
                    None => {
                        return Err(unicode_err(
                            start,
                            close + 1,
                            "unknown Unicode character name",
                        ))
                    }
                }
                i = close + 1;
            }
            _ => {
                // Invalid escapes are kept verbatim (CPython only warns).
                let ch = body[i - 1..].chars().next().unwrap_or('\u{fffd}');
                note_invalid_escape(b, i - 2, ch);
                out.push('\\');
                i -= 1;
            }
        }
    }
    Ok(out)
}

fn decode_bytes(body: &str) -> Result<Vec<u8>, String> {
    let b = body.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c != b'\\' {
            out.push(c);
            i += 1;
            continue;
        }
        let start = i;
        i += 1;
        let Some(&e) = b.get(i) else {
            return Err("(value error) Trailing \\ in string".to_string());
        };
        i += 1;
        match e {
            b'\n' => {}
            b'\r' => {
                if b.get(i) == Some(&b'\n') {
                    i += 1;
                }
            }
            b'\\' => out.push(b'\\'),
            b'\'' => out.push(b'\''),
            b'"' => out.push(b'"'),
            b'a' => out.push(7),
            b'b' => out.push(8),
            b'f' => out.push(12),
            b'n' => out.push(b'\n'),
            b'r' => out.push(b'\r'),
            b't' => out.push(b'\t'),
            b'v' => out.push(11),
            b'0'..=b'7' => {
                let mut v = (e - b'0') as u32;
                let mut n = 1;
                while n < 3 && matches!(b.get(i), Some(b'0'..=b'7')) {
                    v = v * 8 + (b[i] - b'0') as u32;
                    i += 1;
                    n += 1;
                }
                if v > 0o377 {
                    note_invalid_octal(b, start, &body[start + 1..i]);
                }
                out.push((v & 0xff) as u8);
            }
            b'x' => {
                let h = b.get(i).and_then(|&d| (d as char).to_digit(16));
                let l = b.get(i + 1).and_then(|&d| (d as char).to_digit(16));
                match (h, l) {
                    (Some(h), Some(l)) => out.push((h * 16 + l) as u8),
                    _ => {
                        return Err(format!(
                            "(value error) invalid \\x escape at position {}",
                            start
                        ))
                    }
                }
                i += 2;
            }
            _ => {
                note_invalid_escape(b, i - 2, b[i - 1] as char);
                out.push(b'\\');
                i -= 1;
            }
        }
    }
    Ok(out)
}

/// An invalid escape noted while decoding: the escaped character, or the
/// digits of an octal escape above `\377`.
pub(crate) enum InvalidEscape {
    Char(char),
    Octal(String),
}

thread_local! {
    /// Invalid escapes of the literal being decoded: (newlines before the
    /// backslash, what); the parser turns them into warnings.
    static ESCAPES: std::cell::RefCell<Vec<(u32, InvalidEscape)>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

fn lines_before(body: &[u8], backslash: usize) -> u32 {
    body[..backslash.min(body.len())]
        .iter()
        .filter(|&&c| c == b'\n')
        .count() as u32
}

fn note_invalid_escape(body: &[u8], backslash: usize, ch: char) {
    let lines = lines_before(body, backslash);
    ESCAPES.with(|e| e.borrow_mut().push((lines, InvalidEscape::Char(ch))));
}

fn note_invalid_octal(body: &[u8], backslash: usize, digits: &str) {
    let lines = lines_before(body, backslash);
    ESCAPES.with(|e| {
        e.borrow_mut()
            .push((lines, InvalidEscape::Octal(digits.to_string())))
    });
}

/// The invalid escapes noted since the last call.
pub(crate) fn take_invalid_escapes() -> Vec<(u32, InvalidEscape)> {
    ESCAPES.with(|e| std::mem::take(&mut *e.borrow_mut()))
}
