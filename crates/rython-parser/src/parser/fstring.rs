//! String atoms: implicit concatenation of plain strings, bytes and PEP 701
//! f-strings into `Constant` / `JoinedStr` nodes.

use super::{loc, PResult, Parser};
use crate::ast::*;
use crate::perr::PErr;
use crate::string_literal::{decode_str, decode_string_token, StrValue};
use crate::tokenizer::{Pos, TokenKind};

/// A piece of a (possibly concatenated) f-string.
enum Piece {
    Lit(String, Pos, Pos),
    Expr(Expr),
}

impl<'a> Parser<'a> {
    pub fn strings(&mut self) -> PResult<Expr> {
        let start = self.start();
        let mut pieces: Vec<Piece> = Vec::new();
        let mut bytes: Option<Vec<u8>> = None;
        let mut saw_str = false;
        let mut saw_fstring = false;
        let mut first_is_u = None;
        loop {
            let t = self.tok().clone();
            match t.kind {
                TokenKind::String => {
                    self.bump();
                    if first_is_u.is_none() {
                        first_is_u = Some(
                            t.text.starts_with('u')
                                || t.text.starts_with("bu")
                                || t.text.starts_with("ru"),
                        );
                    }
                    let decoded = decode_string_token(&t.text);
                    escape_warnings(&t, false);
                    match decoded.map_err(|m| PErr::syntax(m, t.start, t.end))? {
                        StrValue::Str(s) => {
                            saw_str = true;
                            pieces.push(Piece::Lit(s, t.start, t.end));
                        }
                        StrValue::Bytes(b) => bytes.get_or_insert_with(Vec::new).extend(b),
                    }
                }
                TokenKind::FStringStart => {
                    if first_is_u.is_none() {
                        first_is_u = Some(false);
                    }
                    saw_fstring = true;
                    self.fstring(&mut pieces)?;
                }
                _ => break,
            }
        }
        let end = self.prev_end;
        if let Some(b) = bytes {
            if saw_str || saw_fstring {
                let _ = end;
                let t = self.tok().clone();
                return Err(self.err_at_token("cannot mix bytes and nonbytes literals", &t));
            }
            return Ok(Expr {
                node: ExprKind::Constant {
                    value: Constant::Bytes(b),
                    kind: None,
                },
                loc: loc(start, end),
            });
        }
        if !saw_fstring {
            let mut s = String::new();
            for p in pieces {
                if let Piece::Lit(l, _, _) = p {
                    s.push_str(&l);
                }
            }
            let kind = if first_is_u == Some(true) {
                Some("u".to_string())
            } else {
                None
            };
            return Ok(Expr {
                node: ExprKind::Constant {
                    value: Constant::Str(s),
                    kind,
                },
                loc: loc(start, end),
            });
        }
        let values = merge_pieces(pieces);
        Ok(Expr {
            node: ExprKind::JoinedStr { values },
            loc: loc(start, end),
        })
    }

    /// Parses one f-string (FSTRING_START ... FSTRING_END) into pieces.
    fn fstring(&mut self, out: &mut Vec<Piece>) -> PResult<()> {
        let st = self.bump();
        let raw = st.text.to_ascii_lowercase().contains('r');
        self.enter()?;
        let r = self.fstring_parts(out, raw, false);
        self.leave();
        r?;
        if self.kind() != TokenKind::FStringEnd {
            return Err(self.invalid_syntax());
        }
        let end = self.bump();
        crate::locate_fstring_warnings(end.start, end.end);
        Ok(())
    }

    /// Literal middles and replacement fields up to FSTRING_END (or the
    /// `}` ending a format spec).
    fn fstring_parts(&mut self, out: &mut Vec<Piece>, raw: bool, in_spec: bool) -> PResult<()> {
        loop {
            let t = self.tok().clone();
            match t.kind {
                TokenKind::FStringMiddle => {
                    self.bump();
                    let s = if raw {
                        if in_spec {
                            t.text.clone()
                        } else {
                            t.text.replace("{{", "{").replace("}}", "}")
                        }
                    } else {
                        // CPython reports escape errors of an f-string just
                        // past the literal part.
                        let decoded = decode_str(&t.text, !in_spec);
                        escape_warnings(&t, !in_spec);
                        decoded.map_err(|m| {
                            PErr::syntax(
                                m,
                                t.end,
                                Pos {
                                    line: t.end.line,
                                    col: t.end.col + 1,
                                },
                            )
                        })?
                    };
                    out.push(Piece::Lit(s, t.start, t.end));
                }
                TokenKind::Op if t.text == "{" => {
                    self.replacement_field(out, raw)?;
                }
                _ => return Ok(()),
            }
        }
    }

    fn replacement_field(&mut self, out: &mut Vec<Piece>, raw: bool) -> PResult<()> {
        let open = self.bump();
        if self.at_op("}") || self.at_op("!") || self.at_op(":") || self.at_op("=") {
            let t = self.tok().clone();
            return Err(PErr::syntax(
                "f-string: valid expression required before '}'",
                t.start,
                t.end,
            )
            .with_msg_for(&t.text));
        }
        let expr_start_off = self.tok().start;
        let first = self.tok().clone();
        let value = if self.at_kw("yield") {
            self.yield_expr()
        } else {
            self.star_expressions()
        };
        let value = value.map_err(|e| {
            if e.msg == "invalid syntax" {
                self.err_at_token("f-string: expecting a valid expression after '{'", &first)
            } else {
                e
            }
        })?;
        if !(self.at_op("=") || self.at_op("!") || self.at_op(":") || self.at_op("}")) {
            if let Some(e) = self.missing_comma() {
                return Err(e);
            }
            let t = self.tok().clone();
            return Err(self.err_at_token("f-string: expecting '=', or '!', or ':', or '}'", &t));
        }
        let mut debug_text = None;
        if self.at_op("=") {
            let eq = self.bump();
            let stop = self.tok().start;
            let text = strip_comments(&self.source_between(
                Pos {
                    line: open.start.line,
                    col: open.end.col,
                },
                stop,
            ));
            let _ = (expr_start_off, eq);
            debug_text = Some((text, open.end, stop));
            if !(self.at_op("!") || self.at_op(":") || self.at_op("}")) {
                let t = self.tok().clone();
                return Err(self.err_at_token("f-string: expecting '!', or ':', or '}'", &t));
            }
        }
        let mut conversion = -1;
        if self.at_op("!") {
            let bang = self.bump();
            let t = self.tok().clone();
            if t.kind != TokenKind::Name {
                let msg = if self.at_op(":") || self.at_op("}") {
                    "f-string: missing conversion character"
                } else {
                    "f-string: invalid conversion character"
                };
                return Err(self.err_at_token(msg, &t));
            }
            if t.start != bang.end {
                return Err(PErr::syntax(
                    "f-string: conversion type must come right after the exclamanation mark",
                    bang.start,
                    t.end,
                ));
            }
            conversion = match t.text.as_str() {
                "s" => 's' as i32,
                "r" => 'r' as i32,
                "a" => 'a' as i32,
                other => {
                    return Err(PErr::syntax(
                        format!(
                        "f-string: invalid conversion character '{}': expected 's', 'r', or 'a'",
                        other
                    ),
                        t.start,
                        t.end,
                    ))
                }
            };
            self.bump();
            if !(self.at_op(":") || self.at_op("}")) {
                let t = self.tok().clone();
                return Err(self.err_at_token("f-string: expecting ':' or '}'", &t));
            }
        }
        let mut format_spec = None;
        if self.at_op(":") {
            let colon = self.bump();
            let mut parts = Vec::new();
            self.fstring_parts(&mut parts, raw, true)?;
            let end = self.prev_end;
            let values = merge_pieces(parts);
            format_spec = Some(Box::new(Expr {
                node: ExprKind::JoinedStr { values },
                loc: loc(colon.start, end),
            }));
        }
        if !self.at_op("}") {
            let t = self.tok().clone();
            if format_spec.is_some() && t.kind == TokenKind::FStringEnd {
                return Err(PErr::syntax(
                    "f-string: expecting '}', or format specs",
                    t.start,
                    t.end,
                ));
            }
            if t.kind == TokenKind::FStringEnd || t.kind == TokenKind::FStringMiddle {
                return Err(PErr::syntax("f-string: expecting '}'", t.start, t.start));
            }
            return Err(PErr::syntax("f-string: expecting '}'", t.start, t.end));
        }
        self.bump();
        if let Some((text, s, e)) = debug_text {
            out.push(Piece::Lit(text, s, e));
            if conversion == -1 && format_spec.is_none() {
                conversion = 'r' as i32;
            }
        }
        out.push(Piece::Expr(self.mk_expr(
            ExprKind::FormattedValue {
                value: Box::new(value),
                conversion,
                format_spec,
            },
            open.start,
        )));
        Ok(())
    }

    /// The source text between two positions (used for `{x=}`).
    pub fn source_between(&self, a: Pos, b: Pos) -> String {
        let off = |p: Pos| -> usize {
            let line_start = self
                .line_starts
                .get(p.line.saturating_sub(1) as usize)
                .copied()
                .unwrap_or(self.src.len());
            (line_start + p.col as usize).min(self.src.len())
        };
        let (x, y) = (off(a), off(b));
        if x <= y && self.src.is_char_boundary(x) && self.src.is_char_boundary(y) {
            self.src[x..y].to_string()
        } else {
            String::new()
        }
    }
}

impl PErr {
    fn with_msg_for(mut self, tok: &str) -> PErr {
        self.msg = format!("f-string: valid expression required before '{}'", tok);
        self
    }
}

/// The `{x=}` text keeps everything but comments.
fn strip_comments(s: &str) -> String {
    if !s.contains('#') {
        return s.to_string();
    }
    let mut out = String::new();
    let mut quote: Option<char> = None;
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match quote {
            Some(q) => {
                out.push(c);
                if c == '\\' {
                    if let Some(n) = chars.next() {
                        out.push(n);
                    }
                } else if c == q {
                    quote = None;
                }
            }
            None if c == '#' => {
                while let Some(&n) = chars.peek() {
                    if n == '\n' {
                        break;
                    }
                    chars.next();
                }
            }
            None => {
                if c == '"' || c == '\'' {
                    quote = Some(c);
                }
                out.push(c);
            }
        }
    }
    out
}

/// Merges adjacent literals and drops empty ones, as CPython does.
fn merge_pieces(pieces: Vec<Piece>) -> Vec<Expr> {
    let mut values = Vec::new();
    let mut pending: Option<(String, Pos, Pos)> = None;
    for p in pieces {
        match p {
            Piece::Lit(s, a, b) => {
                if s.is_empty() {
                    continue;
                }
                match &mut pending {
                    Some((acc, _, e)) => {
                        acc.push_str(&s);
                        *e = b;
                    }
                    None => pending = Some((s, a, b)),
                }
            }
            Piece::Expr(e) => {
                if let Some((s, a, b)) = pending.take() {
                    values.push(Expr {
                        node: ExprKind::Constant {
                            value: Constant::Str(s),
                            kind: None,
                        },
                        loc: loc(a, b),
                    });
                }
                values.push(e);
            }
        }
    }
    if let Some((s, a, b)) = pending {
        values.push(Expr {
            node: ExprKind::Constant {
                value: Constant::Str(s),
                kind: None,
            },
            loc: loc(a, b),
        });
    }
    values
}

/// Turns the first invalid escape noted while decoding token `t` into
/// CPython's "invalid escape sequence" (or "invalid octal escape
/// sequence") SyntaxWarning, reported at the token's line. A backslash
/// before a non-ASCII character is not one (CPython re-escapes those
/// characters first).
///
/// CPython reports those of an f-string's literal parts (not of its format
/// specs) at the f-string's end token.
fn escape_warnings(t: &crate::tokenizer::Token, fstring_literal: bool) {
    use crate::string_literal::InvalidEscape;
    let first = crate::string_literal::take_invalid_escapes()
        .into_iter()
        .find(|(_, e)| !matches!(e, InvalidEscape::Char(ch) if !ch.is_ascii()));
    let msg = match first {
        Some((_, InvalidEscape::Char(ch))) => format!("invalid escape sequence '\\{ch}'"),
        Some((_, InvalidEscape::Octal(d))) => format!("invalid octal escape sequence '\\{d}'"),
        None => return,
    };
    crate::warn(crate::PendingWarning {
        key: (t.start.line, t.start.col, 0),
        msg,
        start: t.start,
        end: t.end,
        lexer: false,
        fstring_literal,
    });
}
