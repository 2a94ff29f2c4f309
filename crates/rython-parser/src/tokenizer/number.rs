//! Numeric literals, with CPython's diagnostics for malformed ones.

use super::{is_id_continue, Lexer, Pos, TokenKind};
use crate::perr::PErr;

impl<'a> Lexer<'a> {
    pub(super) fn lex_number(&mut self, start_off: usize, start: Pos) -> Result<(), PErr> {
        let first = self.peek().unwrap_or('0');
        if first == '.' {
            self.bump();
            self.decimal_tail()?;
            return self.float_rest(start_off, start, true);
        }
        if first == '0' {
            self.bump();
            match self.peek() {
                Some('x' | 'X') => return self.radix(start_off, start, 16, "hexadecimal"),
                Some('o' | 'O') => return self.radix(start_off, start, 8, "octal"),
                Some('b' | 'B') => return self.radix(start_off, start, 2, "binary"),
                _ => {}
            }
            let mut nonzero = false;
            // Zeros (possibly separated by underscores) then maybe digits.
            loop {
                while self.peek() == Some('0') {
                    self.bump();
                }
                if self.peek() == Some('_') {
                    self.bump();
                    if !matches!(self.peek(), Some('0'..='9')) {
                        let p = self.here();
                        return Err(self.err(
                            "invalid decimal literal",
                            Pos {
                                line: p.line,
                                col: p.col - 1,
                            },
                        ));
                    }
                    continue;
                }
                break;
            }
            let zeros_end = self.here();
            if matches!(self.peek(), Some('0'..='9')) {
                nonzero = true;
                self.decimal_tail()?;
            }
            if let Some('.' | 'e' | 'E' | 'j' | 'J') = self.peek() {
                return self.float_rest(start_off, start, false);
            }
            if nonzero {
                return Err(self.err_span(
                    "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
                    start,
                    zeros_end,
                ));
            }
            self.verify_end("decimal")?;
            self.push(TokenKind::Number, start_off, start);
            return Ok(());
        }
        self.decimal_tail()?;
        if let Some('.' | 'e' | 'E' | 'j' | 'J') = self.peek() {
            return self.float_rest(start_off, start, false);
        }
        self.verify_end("decimal")?;
        self.push(TokenKind::Number, start_off, start);
        Ok(())
    }

    /// Digits with single underscores between them.
    fn decimal_tail(&mut self) -> Result<(), PErr> {
        loop {
            while matches!(self.peek(), Some('0'..='9')) {
                self.bump();
            }
            if self.peek() != Some('_') {
                return Ok(());
            }
            self.bump();
            if !matches!(self.peek(), Some('0'..='9')) {
                let p = self.here();
                return Err(self.err(
                    "invalid decimal literal",
                    Pos {
                        line: p.line,
                        col: p.col - 1,
                    },
                ));
            }
        }
    }

    fn radix(&mut self, start_off: usize, start: Pos, radix: u32, kind: &str) -> Result<(), PErr> {
        self.bump();
        loop {
            if self.peek() == Some('_') {
                self.bump();
            }
            match self.peek() {
                Some(c) if c.is_digit(radix) => {}
                Some(c) if radix < 10 && c.is_ascii_digit() => {
                    let p = self.here();
                    return Err(self.err(format!("invalid digit '{}' in {} literal", c, kind), p));
                }
                _ => {
                    let p = self.here();
                    return Err(self.num_err(format!("invalid {} literal", kind), p));
                }
            }
            while matches!(self.peek(), Some(c) if c.is_digit(radix)) {
                self.bump();
            }
            if self.peek() != Some('_') {
                break;
            }
        }
        if radix < 10 {
            if let Some(c) = self.peek() {
                if c.is_ascii_digit() {
                    let p = self.here();
                    return Err(self.err(format!("invalid digit '{}' in {} literal", c, kind), p));
                }
            }
        }
        self.verify_end(kind)?;
        self.push(TokenKind::Number, start_off, start);
        Ok(())
    }

    /// The fraction / exponent / imaginary suffix of a float literal.
    fn float_rest(&mut self, start_off: usize, start: Pos, after_dot: bool) -> Result<(), PErr> {
        if !after_dot && self.peek() == Some('.') {
            self.bump();
            if matches!(self.peek(), Some('0'..='9')) {
                self.decimal_tail()?;
            }
        }
        if matches!(self.peek(), Some('e' | 'E')) {
            let save = (self.pos, self.line, self.line_start);
            self.bump();
            if matches!(self.peek(), Some('+' | '-')) {
                self.bump();
                if !matches!(self.peek(), Some('0'..='9')) {
                    let p = self.here();
                    return Err(self.num_err("invalid decimal literal".into(), p));
                }
            } else if !matches!(self.peek(), Some('0'..='9')) {
                // `1else`: back off so the keyword check below sees `e`.
                self.pos = save.0;
                self.line = save.1;
                self.line_start = save.2;
                self.verify_end("decimal")?;
                self.push(TokenKind::Number, start_off, start);
                return Ok(());
            }
            self.decimal_tail()?;
        }
        if matches!(self.peek(), Some('j' | 'J')) {
            self.bump();
            self.verify_end("imaginary")?;
        } else {
            self.verify_end("decimal")?;
        }
        self.push(TokenKind::Number, start_off, start);
        Ok(())
    }

    /// CPython reports malformed numbers one column before the offending
    /// character, with an empty range.
    fn num_err(&self, msg: String, p: Pos) -> PErr {
        let at = Pos {
            line: p.line,
            col: p.col.saturating_sub(1),
        };
        self.err_span(msg, at, at)
    }

    /// A number must not run straight into an identifier, except for the
    /// keywords that may legally follow one (`1if x else y`).
    fn verify_end(&mut self, kind: &str) -> Result<(), PErr> {
        let rest = &self.src[self.pos..];
        let c = match self.peek() {
            Some(c) => c,
            None => return Ok(()),
        };
        // CPython's `verify_end_of_number`: the keyword must end there
        // (`0x1for_` is an error), except that `i` only needs one of
        // `f`, `n`, `s` after it.
        let keyword = |k: &str| {
            rest.starts_with(k)
                && !rest[k.len()..]
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_ascii_alphanumeric() || c == '_' || !c.is_ascii())
        };
        let ok = match c {
            'a' => keyword("and"),
            'e' => keyword("else"),
            'f' => keyword("for"),
            'i' => matches!(rest[1..].chars().next(), Some('f' | 'n' | 's')),
            'o' => keyword("or"),
            'n' => keyword("not"),
            _ => false,
        };
        if ok {
            // Still valid (`1if x else 2`) but deprecated: CPython warns.
            let p = self.here();
            // As an error: the tokenizer's, one column before the keyword.
            let at = Pos {
                line: p.line,
                col: p.col.saturating_sub(1),
            };
            crate::warn(crate::PendingWarning {
                key: (p.line, p.col, 0),
                msg: format!("invalid {kind} literal"),
                start: at,
                end: at,
                lexer: true,
                fstring_literal: false,
            });
            return Ok(());
        }
        // Only ASCII letters count here; a non-ASCII character after a
        // number is left for the next token (and the parser) to reject.
        if c.is_ascii() && is_id_continue(c) {
            let p = self.here();
            return Err(self.num_err(format!("invalid {} literal", kind), p));
        }
        Ok(())
    }
}
