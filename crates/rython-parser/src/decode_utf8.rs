//! UTF-8 source decoding with CPython's diagnostics. CPython decodes
//! token by token, so undecodable bytes inside comments are harmless, and
//! an error names the byte's position within its string literal or
//! identifier.

use crate::error::{SyntaxErrorInfo, SyntaxErrorKind};

/// Python's description of the first UTF-8 error in `bytes`:
/// (start, end) of the bad sequence and the reason.
fn describe(bytes: &[u8]) -> Option<(usize, usize, &'static str)> {
    let e = std::str::from_utf8(bytes).err()?;
    let at = e.valid_up_to();
    Some(match e.error_len() {
        None => (at, bytes.len(), "unexpected end of data"),
        Some(n) => {
            let b = bytes[at];
            let reason = if (0x80..0xc2).contains(&b) || b >= 0xf5 {
                "invalid start byte"
            } else {
                "invalid continuation byte"
            };
            (at, at + n, reason)
        }
    })
}

fn message(bytes: &[u8], start: usize, end: usize, reason: &str) -> String {
    if end - start > 1 {
        format!(
            "(unicode error) 'utf-8' codec can't decode bytes in position {}-{}: {}",
            start,
            end - 1,
            reason
        )
    } else {
        format!(
            "(unicode error) 'utf-8' codec can't decode byte 0x{:02x} in position {}: {}",
            bytes[start], start, reason
        )
    }
}

/// Line number (1-based) and byte column of offset `i`.
fn line_col(src: &[u8], i: usize) -> (u32, u32) {
    let line_start = src[..i]
        .iter()
        .rposition(|&b| b == b'\n')
        .map(|p| p + 1)
        .unwrap_or(0);
    let line = src[..i].iter().filter(|&&b| b == b'\n').count() as u32 + 1;
    (line, (i - line_start) as u32)
}

fn error(msg: String, start: (u32, u32), end: (u32, u32)) -> SyntaxErrorInfo {
    SyntaxErrorInfo {
        kind: SyntaxErrorKind::SyntaxError,
        msg,
        lineno: start.0,
        offset: start.1 + 1,
        end_lineno: end.0,
        end_offset: end.1,
        text: None,
        args_msg_only: false,
    }
}

enum State {
    Code,
    Comment,
    /// In a string literal: token start, body start, quote, triple.
    Str(usize, usize, u8, bool),
}

/// Length of the UTF-8 sequence a lead byte announces (1 for anything
/// else, so that scanning always advances).
fn char_len(b: u8) -> usize {
    match b {
        0xc2..=0xdf => 2,
        0xe0..=0xef => 3,
        0xf0..=0xf4 => 4,
        _ => 1,
    }
}

fn is_word(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b >= 0x80
}

/// Decodes UTF-8 source; bytes that cannot be decoded are replaced inside
/// comments and reported elsewhere.
pub(crate) fn decode(src: &[u8]) -> Result<String, SyntaxErrorInfo> {
    if let Ok(s) = std::str::from_utf8(src) {
        return Ok(s.to_string());
    }
    let mut out = String::with_capacity(src.len());
    let mut state = State::Code;
    let mut i = 0;
    let mut chunk_start = 0;
    while i < src.len() {
        let b = src[i];
        if b >= 0x80 {
            if let Some((s, e, reason)) =
                describe(&src[i..src.len().min(i + 4)]).filter(|d| d.0 == 0)
            {
                match state {
                    State::Comment => {
                        out.push_str(&String::from_utf8_lossy(&src[chunk_start..i]));
                        out.push('\u{fffd}');
                        i += e.max(1);
                        chunk_start = i;
                        continue;
                    }
                    State::Str(tok, body, quote, triple) => {
                        return Err(string_error(src, tok, body, quote, triple))
                    }
                    State::Code => {
                        let _ = (s, reason);
                        return Err(word_error(src, i));
                    }
                }
            }
            // A valid multi-byte character.
            i += char_len(b);
            continue;
        }
        match state {
            State::Comment => {
                if b == b'\n' || b == b'\r' {
                    state = State::Code;
                }
            }
            State::Code => {
                if b == b'#' {
                    state = State::Comment;
                } else if b == b'"' || b == b'\'' {
                    let triple = src.get(i + 1) == Some(&b) && src.get(i + 2) == Some(&b);
                    let mut tok = i;
                    while tok > 0 && src[tok - 1].is_ascii_alphabetic() {
                        tok -= 1;
                    }
                    let body = i + if triple { 3 } else { 1 };
                    state = State::Str(tok, body, b, triple);
                    i = body;
                    continue;
                }
            }
            State::Str(_, _, quote, triple) => {
                if b == b'\\' {
                    // Skip the escaped character whole, so a multi-byte one
                    // is not mistaken for a stray continuation byte.
                    i += 1 + src.get(i + 1).map_or(1, |&c| char_len(c));
                    continue;
                }
                if b == quote
                    && (!triple
                        || (src.get(i + 1) == Some(&quote) && src.get(i + 2) == Some(&quote)))
                {
                    i += if triple { 3 } else { 1 };
                    state = State::Code;
                    continue;
                }
                if b == b'\n' && !triple {
                    state = State::Code;
                }
            }
        }
        i += 1;
    }
    out.push_str(&String::from_utf8_lossy(&src[chunk_start..]));
    Ok(out)
}

/// An undecodable byte inside a string literal: CPython decodes the body
/// and reports positions within it, spanning the whole literal.
fn string_error(src: &[u8], tok: usize, body: usize, quote: u8, triple: bool) -> SyntaxErrorInfo {
    let mut j = body;
    let mut body_end = src.len();
    let mut tok_end = src.len();
    while j < src.len() {
        let b = src[j];
        if b == b'\\' {
            j += 2;
            continue;
        }
        if b == quote
            && (!triple || (src.get(j + 1) == Some(&quote) && src.get(j + 2) == Some(&quote)))
        {
            body_end = j;
            tok_end = j + if triple { 3 } else { 1 };
            break;
        }
        if b == b'\n' && !triple {
            body_end = j;
            tok_end = j;
            break;
        }
        j += 1;
    }
    let body_bytes = &src[body..body_end.min(src.len())];
    let (s, e, reason) = describe(body_bytes).unwrap_or((0, 1, "invalid start byte"));
    let end = line_col(src, tok_end.min(src.len()));
    let start = line_col(src, tok);
    let mut err = error(message(body_bytes, s, e, reason), start, (end.0, end.1 + 1));
    // CPython shows the line decoded with replacement characters and maps
    // the byte columns onto that text's UTF-8 form.
    let mut text = lossy_line(src, tok);
    err.offset = chars_before(&text, start.1 as usize + 1);
    if end.0 == start.0 {
        err.end_offset = chars_before(&text, end.1 as usize + 1);
    } else if text.ends_with('\n') {
        // A literal spanning lines shows its first line without the newline.
        text.pop();
    }
    err.text = Some(text);
    err
}

/// The source line holding byte `i`, decoded with U+FFFD replacements.
fn lossy_line(src: &[u8], i: usize) -> String {
    let start = src[..i]
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |p| p + 1);
    let end = src[i..]
        .iter()
        .position(|&b| b == b'\n')
        .map_or(src.len(), |p| i + p + 1);
    String::from_utf8_lossy(&src[start..end]).into_owned()
}

/// Characters in the first `n` bytes of `text`'s UTF-8 form (a cut
/// character counts as one, as a replacing decode does).
fn chars_before(text: &str, n: usize) -> u32 {
    let b = text.as_bytes();
    String::from_utf8_lossy(&b[..n.min(b.len())])
        .chars()
        .count() as u32
}

/// An undecodable byte in code: reported within the identifier-like run
/// of bytes it belongs to.
fn word_error(src: &[u8], bad: usize) -> SyntaxErrorInfo {
    let mut start = bad;
    while start > 0 && is_word(src[start - 1]) {
        start -= 1;
    }
    // A number lexed before the bad byte is its own token.
    while start < bad && src[start].is_ascii_digit() {
        start += 1;
    }
    let mut end = bad;
    while end < src.len() && is_word(src[end]) {
        end += 1;
    }
    let run = &src[start..end];
    let (s, e, reason) =
        describe(run).unwrap_or((bad - start, bad - start + 1, "invalid start byte"));
    let at = line_col(src, bad);
    let mut err = error(message(run, s, e, reason), at, at);
    err.end_offset = 0;
    err
}
