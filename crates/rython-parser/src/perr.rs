//! The parser's internal error: positions in UTF-8 byte columns, turned into
//! CPython's character-based `SyntaxError` fields at the API boundary.

use crate::error::{SyntaxErrorInfo, SyntaxErrorKind};
use crate::tokenizer::Pos;

#[derive(Clone, Debug)]
pub struct PErr {
    pub kind: SyntaxErrorKind,
    pub msg: String,
    pub start: Pos,
    pub end: Pos,
    /// CPython reports `end_offset` 0 for a few tokenizer errors.
    pub end_col_zero: bool,
    /// The error sits on the end-of-input token, whose end column CPython
    /// reports as -1 (`END_OFFSET_EOF`).
    pub end_eof: bool,
    /// Exact (offset, end_offset) in characters, for the errors whose
    /// CPython location does not follow from a token span.
    pub fixed: Option<(u32, u32)>,
    /// Raised by the lexer (rather than the parser).
    pub lexer: bool,
    /// `SyntaxError.text` as CPython reports it, when it is not simply the
    /// error's source line (see `parser::error_text`).
    pub text: Option<Option<String>>,
}

impl PErr {
    pub fn new(kind: SyntaxErrorKind, msg: impl Into<String>, start: Pos, end: Pos) -> PErr {
        PErr {
            kind,
            msg: msg.into(),
            start,
            end,
            end_col_zero: false,
            end_eof: false,
            fixed: None,
            lexer: false,
            text: None,
        }
    }

    /// An error at `start` spanning up to `end` (both byte positions).
    pub fn syntax(msg: impl Into<String>, start: Pos, end: Pos) -> PErr {
        PErr::new(SyntaxErrorKind::SyntaxError, msg, start, end)
    }

    pub fn into_info(self, source: &str) -> SyntaxErrorInfo {
        let line_text = nth_line(source, self.start.line);
        let offset = match &line_text {
            Some(t) => char_col(t, self.start.col) + 1,
            None => 0,
        };
        let end_text = if self.end.line == self.start.line {
            line_text.clone()
        } else {
            nth_line(source, self.end.line)
        };
        let end_offset = if self.end_eof {
            crate::error::END_OFFSET_EOF
        } else if self.end_col_zero {
            0
        } else {
            match &end_text {
                Some(t) => char_col(t, self.end.col) + 1,
                None => self.end.col + 1,
            }
        };
        let (offset, end_offset) = self.fixed.unwrap_or((offset, end_offset));
        SyntaxErrorInfo {
            kind: self.kind,
            msg: self.msg,
            lineno: self.start.line,
            offset,
            end_lineno: self.end.line,
            end_offset,
            text: self.text.unwrap_or(line_text),
            args_msg_only: false,
        }
    }
}

/// The 1-based line `n` of `source`, with its newline.
pub fn nth_line(source: &str, n: u32) -> Option<String> {
    if n == 0 {
        return None;
    }
    let mut count = 1;
    let mut start = 0;
    let bytes = source.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if count == n {
            break;
        }
        if bytes[i] == b'\n' || (bytes[i] == b'\r' && bytes.get(i + 1) != Some(&b'\n')) {
            count += 1;
            start = i + 1;
        }
        i += 1;
    }
    if count != n {
        return if count + 1 == n && source.ends_with('\n') {
            Some(String::new())
        } else {
            None
        };
    }
    let rest = &source[start..];
    let end = rest.find('\n').map(|e| e + 1).unwrap_or(rest.len());
    Some(rest[..end].to_string())
}

/// Number of characters in the first `byte_col` bytes of `line`.
pub fn char_col(line: &str, byte_col: u32) -> u32 {
    let mut b = (byte_col as usize).min(line.len());
    while !line.is_char_boundary(b) {
        b -= 1;
    }
    let chars = line[..b].chars().count() as u32;
    chars + (byte_col as usize).saturating_sub(line.len()) as u32
}
