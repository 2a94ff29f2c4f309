//! Construction of the common diagnostics, with CPython's wording and
//! locations.

use super::{end_of, start_of, Parser};
use crate::ast::*;
use crate::perr::PErr;
use crate::tokenizer::{Pos, TokenKind};

/// CPython's NEWLINE token ends one character past the line's end.
fn newline_end(t: &crate::tokenizer::Token) -> Pos {
    let extra = t.text.len().saturating_sub(1) as u32;
    Pos {
        line: t.end.line,
        col: t.end.col.saturating_sub(extra),
    }
}

impl<'a> Parser<'a> {
    /// "invalid syntax" at the current token.
    pub fn invalid_syntax(&self) -> PErr {
        self.invalid_syntax_at(0)
    }

    /// An error located at token `t`, with CPython's conventions for the
    /// zero-width layout tokens (DEDENT has no column, ENDMARKER no end).
    pub fn err_at_token(&self, msg: impl Into<String>, t: &crate::tokenizer::Token) -> PErr {
        let mut e = PErr::syntax(msg, t.start, t.end);
        match t.kind {
            // Dedents at the end of input sit with ENDMARKER in CPython.
            // Generic "invalid syntax" there reports end 0; the specific
            // messages keep the token's -1 end column.
            TokenKind::Dedent | TokenKind::EndMarker
                if (t.kind == TokenKind::EndMarker
                    || self.toks.last().is_some_and(|l| l.start == t.start)) =>
            {
                if e.msg == "invalid syntax" {
                    e.fixed = Some((0, 0))
                } else {
                    e.end_eof = true
                }
            }
            TokenKind::Dedent => e.fixed = Some((0, 0)),
            TokenKind::Newline => e.end = newline_end(t),
            TokenKind::Indent => {
                e.fixed = Some((t.text.chars().count() as u32, crate::error::END_OFFSET_EOF))
            }
            _ => {}
        }
        e
    }

    pub fn invalid_syntax_at(&self, n: usize) -> PErr {
        // Like CPython, blame the furthest token the parser looked at.
        let i = (self.pos + n)
            .max(self.max_seen.get())
            .min(self.toks.len() - 1);
        let t = self.toks[i].clone();
        match t.kind {
            TokenKind::Indent => {
                let mut e = self.err_at_token("unexpected indent", &t);
                e.kind = crate::error::SyntaxErrorKind::IndentationError;
                e
            }
            TokenKind::Dedent => {
                let mut e = PErr::syntax(
                    "unindent does not match any outer indentation level",
                    t.start,
                    t.end,
                );
                e.kind = crate::error::SyntaxErrorKind::IndentationError;
                e
            }
            TokenKind::EndMarker => self.err_at_token("invalid syntax", &t),
            TokenKind::Newline => PErr::syntax("invalid syntax", t.start, newline_end(&t)),
            _ => PErr::syntax("invalid syntax", t.start, t.end),
        }
    }

    /// A missing `:`. `forced` mirrors the grammar's `&&':'`, which
    /// reports at whatever token stands there; elsewhere only a line end
    /// gets the specific message.
    pub fn expected_colon(&self, forced: bool) -> PErr {
        let t = self.tok().clone();
        if forced || matches!(t.kind, TokenKind::Newline) {
            return self.err_at_token("expected ':'", &t);
        }
        self.invalid_syntax()
    }

    pub fn expected_else(&self, body: &Expr) -> PErr {
        let _ = body;
        let t = self.tok().clone();
        if !(t.kind == TokenKind::Op && t.text == ":") {
            return PErr::syntax(
                "expected 'else' after 'if' expression",
                start_of(&body.loc),
                self.prev_end,
            );
        }
        self.invalid_syntax()
    }

    /// Expects the closing bracket `close` of a bracket opened at `open`.
    pub fn expect_closing(&mut self, close: &str, open: Pos) -> Result<(), PErr> {
        if self.eat_op(close) {
            return Ok(());
        }
        let _ = open;
        Err(self.invalid_syntax_in_brackets())
    }

    fn invalid_syntax_in_brackets(&mut self) -> PErr {
        self.missing_comma()
            .unwrap_or_else(|| self.invalid_syntax())
    }

    /// `[1 2]`: inside brackets, an expression directly followed by
    /// another gets CPython's comma hint, spanning both.
    pub fn missing_comma(&mut self) -> Option<PErr> {
        let t = self.tok().clone();
        let (a_start, a_end, a_is_name) = self.last_disj?;
        if a_end != self.prev_end || !self.starts_expression() || t.text == "*" {
            return None;
        }
        if a_is_name && matches!(t.kind, TokenKind::String | TokenKind::FStringStart) {
            return None;
        }
        // CPython's rule excludes a leading soft keyword (`match x`).
        let a_text = self
            .toks
            .iter()
            .find(|k| k.start == a_start)
            .map(|k| k.text.as_str());
        if a_is_name && matches!(a_text, Some("match" | "case" | "type" | "_")) {
            return None;
        }
        let save = (self.pos, self.prev_end);
        // A look-ahead only: CPython's error location must not move.
        let seen = self.max_seen.get();
        let ok = self.expression().is_ok();
        let b_end = self.prev_end;
        self.pos = save.0;
        self.prev_end = save.1;
        self.max_seen.set(seen);
        ok.then(|| {
            PErr::syntax(
                "invalid syntax. Perhaps you forgot a comma?",
                a_start,
                b_end,
            )
        })
    }

    /// The error when a simple statement is followed by something other
    /// than `;` or a newline.
    pub fn after_simple_stmt_error(&mut self, last: Option<&Stmt>) -> PErr {
        let t = self.tok().clone();
        // CPython's second pass reads an expression here (`invalid_expression`);
        // a specific error raised inside it wins.
        if self.starts_expression() && self.last_disj.is_some_and(|d| d.1 == self.prev_end) {
            let save = (self.pos, self.prev_end);
            let seen = self.max_seen.get();
            let r = self.expression();
            self.pos = save.0;
            self.prev_end = save.1;
            self.max_seen.set(seen);
            if let Err(e) = r {
                if !e.msg.starts_with("invalid syntax") {
                    return e;
                }
            }
        }
        if let Some(Stmt {
            node: StmtKind::Expr { value },
            ..
        }) = last
        {
            if let Some(e) = self.legacy_print_error(value) {
                return e;
            }
            if self.starts_expression() && t.kind != TokenKind::Op {
                if let Some(prev) = self.toks.get(self.pos.wrapping_sub(1)) {
                    if prev.kind == TokenKind::Number && t.kind == TokenKind::Name {
                        return self.invalid_syntax();
                    }
                }
            }
        }
        if t.kind == TokenKind::Op && t.text == "=" {
            if let Some(Stmt {
                node: StmtKind::Expr { value },
                ..
            }) = last
            {
                return PErr::syntax(
                    format!("cannot assign to {}", super::target::expr_name(value)),
                    start_of(&value.loc),
                    end_of(&value.loc),
                );
            }
        }
        self.invalid_syntax()
    }

    /// `print x` / `exec x` (CPython's `invalid_legacy_expression`).
    pub fn legacy_print_error(&mut self, value: &Expr) -> Option<PErr> {
        let ExprKind::Name { id, .. } = &value.node else {
            return None;
        };
        if !((id == "print" || id == "exec") && self.starts_expression()) {
            return None;
        }
        let t = self.tok().clone();
        // The hint spans the whole would-be argument list.
        let end = if self.star_expressions().is_ok() {
            self.prev_end
        } else {
            t.end
        };
        Some(PErr::syntax(
            format!("Missing parentheses in call to '{id}'. Did you mean {id}(...)?"),
            start_of(&value.loc),
            end,
        ))
    }

    pub fn bad_keyword_target(&self, e: &Expr) -> PErr {
        match &e.node {
            ExprKind::Constant {
                value: Constant::None | Constant::Bool(_),
                ..
            } => PErr::syntax(
                format!("cannot assign to {}", super::target::expr_name(e)),
                start_of(&e.loc),
                self.tok().end,
            ),
            _ => PErr::syntax(
                "expression cannot contain assignment, perhaps you meant \"==\"?",
                start_of(&e.loc),
                self.tok().end,
            ),
        }
    }
}
