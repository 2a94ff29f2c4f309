//! Statements: the statement dispatcher and the simple statements.

use super::{loc, PResult, Parser};
use crate::ast::*;
use crate::perr::PErr;
use crate::tokenizer::{Pos, TokenKind};

fn augassign_op(text: &str) -> Option<Operator> {
    Some(match text {
        "+=" => Operator::Add,
        "-=" => Operator::Sub,
        "*=" => Operator::Mult,
        "@=" => Operator::MatMult,
        "/=" => Operator::Div,
        "%=" => Operator::Mod,
        "&=" => Operator::BitAnd,
        "|=" => Operator::BitOr,
        "^=" => Operator::BitXor,
        "<<=" => Operator::LShift,
        ">>=" => Operator::RShift,
        "**=" => Operator::Pow,
        "//=" => Operator::FloorDiv,
        _ => return None,
    })
}

impl<'a> Parser<'a> {
    /// One statement (a compound statement, or a line of simple ones).
    pub fn statement(&mut self, out: &mut Vec<Stmt>) -> PResult<()> {
        if self.kind() == TokenKind::Indent {
            return Err(self.invalid_syntax());
        }
        if let Some(s) = self.compound_stmt()? {
            out.push(s);
            return Ok(());
        }
        self.simple_stmts(out)
    }

    pub(crate) fn simple_stmts(&mut self, out: &mut Vec<Stmt>) -> PResult<()> {
        loop {
            let s = self.simple_stmt()?;
            out.push(s);
            if self.eat_op(";") {
                if self.kind() == TokenKind::Newline {
                    break;
                }
                continue;
            }
            break;
        }
        if self.kind() == TokenKind::Newline {
            self.bump();
            Ok(())
        } else if self.kind() == TokenKind::EndMarker {
            Ok(())
        } else {
            Err(self.after_simple_stmt_error(out.last()))
        }
    }

    pub(crate) fn compound_stmt(&mut self) -> PResult<Option<Stmt>> {
        let t = self.tok();
        if t.kind == TokenKind::Op && t.text == "@" {
            return self.decorated().map(Some);
        }
        if t.kind != TokenKind::Name {
            return Ok(None);
        }
        let s = match t.text.as_str() {
            "def" => self.funcdef(Vec::new(), None)?,
            "class" => self.classdef(Vec::new(), None)?,
            "if" => self.if_stmt()?,
            "while" => self.while_stmt()?,
            "for" => self.for_stmt(None)?,
            "try" => self.try_stmt()?,
            "with" => self.with_stmt(None)?,
            "async" => {
                let start = self.start();
                let next = self.nth(1).clone();
                if next.kind != TokenKind::Name {
                    return Err(self.invalid_syntax_at(1));
                }
                match next.text.as_str() {
                    "def" => {
                        self.bump();
                        self.funcdef(Vec::new(), Some(start))?
                    }
                    "for" => {
                        self.bump();
                        self.for_stmt(Some(start))?
                    }
                    "with" => {
                        self.bump();
                        self.with_stmt(Some(start))?
                    }
                    _ => return Err(self.invalid_syntax_at(1)),
                }
            }
            "match" => match self.match_stmt()? {
                Some(s) => s,
                None => return Ok(None),
            },
            _ => return Ok(None),
        };
        Ok(Some(s))
    }

    pub(crate) fn simple_stmt(&mut self) -> PResult<Stmt> {
        let start = self.start();
        let t = self.tok().clone();
        if t.kind == TokenKind::Name {
            match t.text.as_str() {
                "pass" => {
                    self.bump();
                    return Ok(self.mk_stmt(StmtKind::Pass, start));
                }
                "break" => {
                    self.bump();
                    return Ok(self.mk_stmt(StmtKind::Break, start));
                }
                "continue" => {
                    self.bump();
                    return Ok(self.mk_stmt(StmtKind::Continue, start));
                }
                "return" => {
                    self.bump();
                    let value = if self.starts_expression() {
                        Some(Box::new(self.star_expressions()?))
                    } else {
                        None
                    };
                    return Ok(self.mk_stmt(StmtKind::Return { value }, start));
                }
                "raise" => {
                    self.bump();
                    let mut exc = None;
                    let mut cause = None;
                    if self.starts_expression() {
                        exc = Some(Box::new(self.expression()?));
                        if self.eat_kw("from") {
                            cause = Some(Box::new(self.expression()?));
                        }
                    }
                    return Ok(self.mk_stmt(StmtKind::Raise { exc, cause }, start));
                }
                "global" | "nonlocal" => {
                    self.bump();
                    let mut names = vec![self.name()?.0];
                    while self.eat_op(",") {
                        names.push(self.name()?.0);
                    }
                    let node = if t.text == "global" {
                        StmtKind::Global { names }
                    } else {
                        StmtKind::Nonlocal { names }
                    };
                    return Ok(self.mk_stmt(node, start));
                }
                "del" => {
                    self.bump();
                    let from = self.pos;
                    return self.del_targets(start).map_err(|e| {
                        if e.msg.starts_with("cannot delete") {
                            return e;
                        }
                        // CPython's invalid_del_stmt: `'del'
                        // star_expressions` with its invalid target.
                        self.invalid_target_from(from, super::target::TargetKind::Del)
                            .unwrap_or(e)
                    });
                }
                "assert" => {
                    self.bump();
                    let test = self.expression()?;
                    let msg = if self.eat_op(",") {
                        Some(Box::new(self.expression()?))
                    } else {
                        None
                    };
                    return Ok(self.mk_stmt(
                        StmtKind::Assert {
                            test: Box::new(test),
                            msg,
                        },
                        start,
                    ));
                }
                "import" => return self.import_name(),
                "from" => return self.import_from(),
                "type"
                    if self.nth(1).kind == TokenKind::Name
                        && (self.nth_is_op(2, "=") || self.nth_is_op(2, "[")) =>
                {
                    return self.type_alias();
                }
                _ => {}
            }
        }
        self.expr_or_assign_stmt()
    }

    /// `del` targets up to `;` or the line's end.
    fn del_targets(&mut self, start: Pos) -> PResult<Stmt> {
        let mut targets = Vec::new();
        loop {
            let e = if self.at_op("*") {
                let s = self.start();
                self.bump();
                let v = self.bitwise_or()?;
                self.mk_expr(
                    ExprKind::Starred {
                        value: Box::new(v),
                        ctx: ExprContext::Load,
                    },
                    s,
                )
            } else {
                self.bitwise_or_target()?
            };
            targets.push(self.to_del(e)?);
            if !self.eat_op(",") || !self.starts_expression() {
                break;
            }
        }
        if !matches!(self.kind(), TokenKind::Newline | TokenKind::EndMarker) && !self.at_op(";") {
            return Err(self.invalid_syntax());
        }
        Ok(self.mk_stmt(StmtKind::Delete { targets }, start))
    }

    /// A `del` target: a primary-ish expression (tuples/lists allowed).
    pub(crate) fn bitwise_or_target(&mut self) -> PResult<Expr> {
        self.bitwise_or()
    }

    pub(crate) fn expr_or_assign_stmt(&mut self) -> PResult<Stmt> {
        let start = self.start();
        let stmt_pos = self.pos;
        let first_is_paren = self.at_op("(");
        let first = if self.at_kw("yield") {
            self.yield_expr()?
        } else {
            self.star_expressions()?
        };
        if self.at_op(":") {
            let colon = self.bump();
            let simple = matches!(first.node, ExprKind::Name { .. }) && !first_is_paren;
            // With an invalid target CPython's parse already failed at the
            // `:` unless a valid annotation lets it report the target.
            let target_ok = matches!(
                first.node,
                ExprKind::Name { .. } | ExprKind::Attribute { .. } | ExprKind::Subscript { .. }
            );
            if !target_ok {
                let save = (self.pos, self.prev_end);
                if self.expression().is_err() {
                    return Err(self.err_at_token("invalid syntax", &colon));
                }
                self.pos = save.0;
                self.prev_end = save.1;
            }
            let annotation = self.expression()?;
            let target = self.ann_target(first, first_is_paren)?;
            let value = if self.eat_op("=") {
                Some(Box::new(self.annotated_rhs()?))
            } else {
                None
            };
            return Ok(self.mk_stmt(
                StmtKind::AnnAssign {
                    target: Box::new(target),
                    annotation: Box::new(annotation),
                    value,
                    simple,
                },
                start,
            ));
        }
        if self.at_op("=") {
            // Each target is checked when its `=` is seen, before the
            // right-hand side is parsed, as CPython's grammar does.
            let mut targets = Vec::new();
            let mut current = first;
            let mut current_paren = first_is_paren;
            while self.at_op("=") {
                let is_first = targets.is_empty();
                match self.to_assign_target(current, current_paren, is_first) {
                    Ok(t) => targets.push(t),
                    Err(e) => {
                        // CPython's error pass tries the statement's first
                        // expression as a named expression before it
                        // looks for the bad target.
                        if !is_first {
                            if let Some(h) = self.statement_start_hint(stmt_pos) {
                                return Err(h);
                            }
                        }
                        return Err(e);
                    }
                }
                self.bump();
                current_paren = self.at_op("(");
                current = self.annotated_rhs()?;
            }
            let value = current;
            return Ok(self.mk_stmt(
                StmtKind::Assign {
                    targets,
                    value: Box::new(value),
                },
                start,
            ));
        }
        let t = self.tok();
        if t.kind == TokenKind::Op {
            if let Some(op) = augassign_op(&t.text) {
                let target = self.aug_target(first)?;
                self.bump();
                let value = self.annotated_rhs()?;
                return Ok(self.mk_stmt(
                    StmtKind::AugAssign {
                        target: Box::new(target),
                        op,
                        value: Box::new(value),
                    },
                    start,
                ));
            }
        }
        Ok(self.mk_stmt(
            StmtKind::Expr {
                value: Box::new(first),
            },
            start,
        ))
    }

    pub(crate) fn annotated_rhs(&mut self) -> PResult<Expr> {
        if self.at_kw("yield") {
            self.yield_expr()
        } else {
            self.star_expressions()
        }
    }

    pub(crate) fn import_name(&mut self) -> PResult<Stmt> {
        let start = self.start();
        self.bump();
        self.expect_import_names()?;
        let mut names = Vec::new();
        loop {
            let s = self.start();
            let name = self.dotted_name()?;
            let asname = if self.eat_kw("as") {
                Some(self.name()?.0)
            } else {
                None
            };
            names.push(Alias {
                name,
                asname,
                loc: loc(s, self.prev_end),
            });
            if !self.eat_op(",") {
                break;
            }
        }
        if self.at_kw("from") {
            self.bump();
            self.dotted_name()?;
            let end = if self.at_kw("as") {
                Pos {
                    line: self.start().line,
                    col: self.start().col + 1,
                }
            } else {
                self.prev_end
            };
            return Err(PErr::syntax(
                "Did you mean to use 'from ... import ...' instead?",
                start,
                end,
            ));
        }
        Ok(self.mk_stmt(StmtKind::Import { names }, start))
    }

    pub(crate) fn expect_import_names(&self) -> PResult<()> {
        if matches!(self.kind(), TokenKind::Newline | TokenKind::EndMarker) {
            let t = self.tok().clone();
            return Err(PErr::syntax(
                "Expected one or more names after 'import'",
                t.start,
                t.start,
            ));
        }
        Ok(())
    }

    pub(crate) fn dotted_name(&mut self) -> PResult<String> {
        let mut name = self.name()?.0;
        while self.at_op(".") {
            self.bump();
            name.push('.');
            name.push_str(&self.name()?.0);
        }
        Ok(name)
    }

    pub(crate) fn import_from(&mut self) -> PResult<Stmt> {
        let start = self.start();
        self.bump();
        let mut level = 0;
        loop {
            if self.eat_op(".") {
                level += 1;
            } else if self.eat_op("...") {
                level += 3;
            } else {
                break;
            }
        }
        let module = if level > 0 && self.at_kw("import") {
            None
        } else {
            Some(self.dotted_name()?)
        };
        self.expect_kw("import")?;
        self.expect_import_names()?;
        let mut names = Vec::new();
        if self.at_op("*") {
            let t = self.bump();
            names.push(Alias {
                name: "*".into(),
                asname: None,
                loc: loc(t.start, t.end),
            });
            return Ok(self.mk_stmt(
                StmtKind::ImportFrom {
                    module,
                    names,
                    level,
                },
                start,
            ));
        }
        let paren = self.start();
        let parens = self.eat_op("(");
        loop {
            let s = self.start();
            let name = self.name()?.0;
            let asname = if self.eat_kw("as") {
                Some(self.name()?.0)
            } else {
                None
            };
            names.push(Alias {
                name,
                asname,
                loc: loc(s, self.prev_end),
            });
            if !self.eat_op(",") {
                break;
            }
            if parens && self.at_op(")") {
                break;
            }
            if !parens && matches!(self.kind(), TokenKind::Newline | TokenKind::EndMarker) {
                let t = self.tok().clone();
                return Err(self.err_at_token(
                    "trailing comma not allowed without surrounding parentheses",
                    &t,
                ));
            }
        }
        if parens {
            self.expect_closing(")", paren)?;
        }
        Ok(self.mk_stmt(
            StmtKind::ImportFrom {
                module,
                names,
                level,
            },
            start,
        ))
    }

    pub(crate) fn type_alias(&mut self) -> PResult<Stmt> {
        let start = self.start();
        self.bump();
        let (id, l) = self.name()?;
        let name = Expr {
            node: ExprKind::Name {
                id,
                ctx: ExprContext::Store,
            },
            loc: l,
        };
        let type_params = if self.at_op("[") {
            self.type_params()?
        } else {
            Vec::new()
        };
        self.expect_op("=")?;
        let value = self.expression()?;
        Ok(self.mk_stmt(
            StmtKind::TypeAlias {
                name: Box::new(name),
                type_params,
                value: Box::new(value),
            },
            start,
        ))
    }
}
