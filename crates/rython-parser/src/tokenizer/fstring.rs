//! String literals and the PEP 701 f-string modes of the lexer.

use super::{FMode, FState, Lexer, Pos, TokenKind};
use crate::perr::PErr;

impl<'a> Lexer<'a> {
    /// Lexes a string literal whose prefix has been consumed; the opening
    /// quote is next.
    pub(super) fn lex_string(
        &mut self,
        start_off: usize,
        start: Pos,
        prefix: &str,
    ) -> Result<(), PErr> {
        let qpos = self.here();
        let quote = self.bump().unwrap_or('"');
        let triple = self.peek() == Some(quote) && self.peek_at(1) == Some(quote);
        if triple {
            self.bump();
            self.bump();
        }
        let lower = prefix.to_ascii_lowercase();
        if lower.contains('f') {
            self.push(TokenKind::FStringStart, start_off, start);
            self.fstrings.push(FState {
                quote,
                triple,
                raw: lower.contains('r'),
                start,
                levels: Vec::new(),
            });
            return Ok(());
        }
        let mut escaped_quote = false;
        loop {
            let c = match self.peek() {
                None => {
                    return Err(self.unterminated_str(start, qpos, quote, triple, escaped_quote))
                }
                Some(c) => c,
            };
            if c == quote {
                if !triple {
                    self.bump();
                    break;
                }
                if self.peek_at(1) == Some(quote) && self.peek_at(2) == Some(quote) {
                    self.bump();
                    self.bump();
                    self.bump();
                    break;
                }
                self.bump();
            } else if c == '\\' {
                self.bump();
                match self.peek() {
                    None => {
                        return Err(self.unterminated_str(
                            start,
                            qpos,
                            quote,
                            triple,
                            escaped_quote,
                        ))
                    }
                    Some('\r') => {
                        self.bump();
                        if self.peek() == Some('\n') {
                            self.bump();
                        } else {
                            self.line += 1;
                            self.line_start = self.pos;
                        }
                    }
                    Some(c) => {
                        escaped_quote |= c == quote;
                        self.bump();
                    }
                }
            } else if (c == '\n' || c == '\r') && !triple {
                return Err(self.unterminated_str(start, qpos, quote, triple, escaped_quote));
            } else {
                self.bump();
                if c == '\r' {
                    if self.peek() == Some('\n') {
                        self.bump();
                    } else {
                        self.line += 1;
                        self.line_start = self.pos;
                    }
                }
            }
        }
        self.push(TokenKind::String, start_off, start);
        Ok(())
    }

    /// An unterminated plain string; inside an f-string replacement field
    /// a quote matching the f-string's own means a `}` is missing.
    fn unterminated_str(
        &self,
        start: Pos,
        qpos: Pos,
        quote: char,
        triple: bool,
        escaped_quote: bool,
    ) -> PErr {
        if let Some(fs) = self.fstrings.last() {
            if fs.quote == quote && fs.triple == triple {
                return self.err_span("f-string: expecting '}'", qpos, qpos);
            }
        }
        let mut e = self.unterminated(start, triple, false);
        if escaped_quote && !triple {
            e.msg.push_str("; perhaps you escaped the end quote?");
        }
        e
    }

    /// The line CPython names in "detected at line N": a final newline
    /// does not start a new line for it.
    fn detected_line(&self) -> u32 {
        if self.pos >= self.src.len() && self.src.ends_with(['\n', '\r']) && self.line > 1 {
            self.line - 1
        } else {
            self.line
        }
    }

    fn unterminated(&self, start: Pos, triple: bool, fstring: bool) -> PErr {
        let kind = if fstring {
            "f-string literal"
        } else {
            "string literal"
        };
        let msg = if triple {
            format!(
                "unterminated triple-quoted {} (detected at line {})",
                kind,
                self.detected_line()
            )
        } else {
            format!(
                "unterminated {} (detected at line {})",
                kind,
                self.detected_line()
            )
        };
        self.err(msg, start)
    }

    /// Lexes the literal part of an f-string (or of a format spec) up to the
    /// next replacement field or the closing quote.
    pub(super) fn lex_fstring_middle(&mut self) -> Result<(), PErr> {
        let fs = self.fstrings.last().unwrap().clone();
        let in_spec = !fs.levels.is_empty();
        let start_off = self.pos;
        let start = self.here();
        loop {
            let c = match self.peek() {
                None => {
                    return Err(self.unterminated(fs.start, fs.triple, true));
                }
                Some(c) => c,
            };
            if c == fs.quote {
                let closes =
                    !fs.triple || (self.peek_at(1) == Some(c) && self.peek_at(2) == Some(c));
                if closes {
                    if in_spec {
                        let p = self.here();
                        return Err(self.err_span(
                            "f-string: expecting '}', or format specs",
                            p,
                            Pos {
                                line: p.line,
                                col: p.col + 1,
                            },
                        ));
                    }
                    self.flush_middle(start_off, start);
                    let q0 = self.pos;
                    let qs = self.here();
                    let n = if fs.triple { 3 } else { 1 };
                    for _ in 0..n {
                        self.bump();
                    }
                    self.push(TokenKind::FStringEnd, q0, qs);
                    self.fstrings.pop();
                    return Ok(());
                }
                self.bump();
            } else if c == '\n' || c == '\r' {
                if !fs.triple && !in_spec {
                    return Err(self.unterminated(fs.start, false, true));
                }
                if !fs.triple {
                    // A newline ends a single-quoted format spec; what
                    // follows is lexed as part of the replacement field.
                    self.flush_middle(start_off, start);
                    if let Some(l) = self.fstrings.last_mut().and_then(|f| f.levels.last_mut()) {
                        l.0 = FMode::Expr;
                    }
                    return Ok(());
                }
                self.bump();
                if c == '\r' && self.peek() == Some('\n') {
                    self.bump();
                } else if c == '\r' {
                    self.line += 1;
                    self.line_start = self.pos;
                }
            } else if c == '\\' {
                self.bump();
                if !fs.raw && self.peek() == Some('N') && self.peek_at(1) == Some('{') {
                    self.bump();
                    while let Some(c) = self.peek() {
                        if c == '}' || c == fs.quote || c == '\n' {
                            break;
                        }
                        self.bump();
                    }
                    if self.peek() == Some('}') {
                        self.bump();
                    }
                } else if matches!(self.peek(), Some(c) if c != '{' && c != '}') {
                    self.bump();
                }
            } else if c == '{' {
                if !in_spec && self.peek_at(1) == Some('{') {
                    self.bump();
                    self.bump();
                    continue;
                }
                self.flush_middle(start_off, start);
                let p = self.here();
                let o = self.pos;
                self.bump();
                if self.parens.len() >= super::MAX_PAREN_LEVEL {
                    return Err(self.err("too many nested parentheses", p));
                }
                if self.fstrings.len() > 150 {
                    return Err(self.err("too many nested f-strings", p));
                }
                self.parens.push(('{', p));
                let depth = self.parens.len();
                self.fstrings
                    .last_mut()
                    .unwrap()
                    .levels
                    .push((FMode::Expr, depth));
                self.push(TokenKind::Op, o, p);
                return Ok(());
            } else if c == '}' {
                if !in_spec {
                    if self.peek_at(1) == Some('}') {
                        self.bump();
                        self.bump();
                        continue;
                    }
                    let p = self.here();
                    return Err(self.err_span("f-string: single '}' is not allowed", p, p));
                }
                self.flush_middle(start_off, start);
                let p = self.here();
                let o = self.pos;
                self.bump();
                self.parens.pop();
                self.fstrings.last_mut().unwrap().levels.pop();
                self.push(TokenKind::Op, o, p);
                return Ok(());
            } else {
                self.bump();
            }
        }
    }

    fn flush_middle(&mut self, start_off: usize, start: Pos) {
        if self.pos > start_off {
            self.push(TokenKind::FStringMiddle, start_off, start);
        }
    }
}
