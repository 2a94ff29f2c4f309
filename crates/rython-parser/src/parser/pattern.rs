//! The `match` statement and its patterns (PEP 634).

use super::{end_of, loc, start_of, PResult, Parser};
use crate::ast::*;
use crate::perr::PErr;
use crate::tokenizer::TokenKind;

impl<'a> Parser<'a> {
    /// `match` is a soft keyword: this returns `None` (consuming nothing)
    /// when the line is not a match statement.
    pub fn match_stmt(&mut self) -> PResult<Option<Stmt>> {
        let save = (self.pos, self.prev_end);
        let start = self.start();
        self.bump();
        if !self.starts_expression() {
            self.pos = save.0;
            self.prev_end = save.1;
            return Ok(None);
        }
        let subject = match self.match_subject() {
            Ok(s) if self.at_op(":") => s,
            Ok(_) if self.kind() == TokenKind::Newline && !self.line_is_expression(save.0) => {
                return Err(self.expected_colon(true));
            }
            Err(e) if e.msg.contains("Maybe you meant") && !self.line_is_expression(save.0) => {
                return Err(e);
            }
            Ok(s) if self.at_op("=") && !self.line_is_expression(save.0) => {
                if let Some(e) = self.misplaced_assignment_pub(&s) {
                    return Err(e);
                }
                self.pos = save.0;
                self.prev_end = save.1;
                return Ok(None);
            }
            _ => {
                self.pos = save.0;
                self.prev_end = save.1;
                return Ok(None);
            }
        };
        self.bump();
        if self.kind() != TokenKind::Newline {
            return Err(self.invalid_syntax());
        }
        self.bump();
        if self.kind() != TokenKind::Indent {
            let t = self.tok().clone();
            let mut e = self.err_at_token(
                format!(
                    "expected an indented block after 'match' statement on line {}",
                    start.line
                ),
                &t,
            );
            e.kind = crate::error::SyntaxErrorKind::IndentationError;
            return Err(e);
        }
        self.bump();
        let mut cases = Vec::new();
        while self.at_kw("case") {
            cases.push(self.case_block()?);
        }
        if cases.is_empty() {
            return Err(self.invalid_syntax());
        }
        if self.kind() == TokenKind::Dedent {
            self.bump();
        } else if self.kind() != TokenKind::EndMarker {
            return Err(self.invalid_syntax());
        }
        Ok(Some(self.mk_stmt(
            StmtKind::Match {
                subject: Box::new(subject),
                cases,
            },
            start,
        )))
    }

    /// Whether the line starting at token `from` parses as an expression
    /// statement (`match(x)` is a call, `match x` is a missing colon).
    fn line_is_expression(&mut self, from: usize) -> bool {
        let save = (self.pos, self.prev_end);
        // A look-ahead only: CPython's error location must not move.
        let seen = self.max_seen.get();
        self.pos = from;
        let ok = self.star_expressions().is_ok()
            && matches!(self.kind(), TokenKind::Newline | TokenKind::EndMarker);
        self.pos = save.0;
        self.prev_end = save.1;
        self.max_seen.set(seen);
        ok
    }

    fn match_subject(&mut self) -> PResult<Expr> {
        let start = self.start();
        let first = self.star_named_expression()?;
        if !self.at_op(",") {
            if matches!(first.node, ExprKind::Starred { .. }) {
                return Err(self.invalid_syntax());
            }
            return Ok(first);
        }
        let mut elts = vec![first];
        while self.eat_op(",") {
            if self.at_op(":") {
                break;
            }
            elts.push(self.star_named_expression()?);
        }
        Ok(self.mk_expr(
            ExprKind::Tuple {
                elts,
                ctx: ExprContext::Load,
            },
            start,
        ))
    }

    fn case_block(&mut self) -> PResult<MatchCase> {
        let line = self.start().line;
        self.bump();
        let pattern = self.patterns()?;
        let guard = if self.eat_kw("if") {
            Some(Box::new(self.named_expression()?))
        } else {
            None
        };
        self.expect_op(":")?;
        self.enter()?;
        let body = self.block("'case' statement", line);
        self.leave();
        Ok(MatchCase {
            pattern,
            guard,
            body: body?,
        })
    }

    fn patterns(&mut self) -> PResult<Pattern> {
        let start = self.start();
        let first = self.maybe_star_pattern()?;
        if !self.at_op(",") {
            if matches!(first.node, PatternKind::MatchStar { .. }) {
                return Ok(Pattern {
                    node: PatternKind::MatchSequence {
                        patterns: vec![first],
                    },
                    loc: loc(start, self.prev_end),
                });
            }
            return Ok(first);
        }
        let mut pats = vec![first];
        while self.eat_op(",") {
            if self.at_op(":") || self.at_kw("if") {
                break;
            }
            pats.push(self.maybe_star_pattern()?);
        }
        Ok(Pattern {
            node: PatternKind::MatchSequence { patterns: pats },
            loc: loc(start, self.prev_end),
        })
    }

    fn maybe_star_pattern(&mut self) -> PResult<Pattern> {
        if self.at_op("*") {
            let start = self.start();
            self.bump();
            let (n, _) = self.name()?;
            let name = if n == "_" { None } else { Some(n) };
            return Ok(Pattern {
                node: PatternKind::MatchStar { name },
                loc: loc(start, self.prev_end),
            });
        }
        self.pattern()
    }

    fn pattern(&mut self) -> PResult<Pattern> {
        self.enter()?;
        let r = self.pattern_inner();
        self.leave();
        r
    }

    fn pattern_inner(&mut self) -> PResult<Pattern> {
        let start = self.start();
        let first = self.closed_pattern()?;
        let mut p = if self.at_op("|") {
            let mut alts = vec![first];
            while self.eat_op("|") {
                alts.push(self.closed_pattern()?);
            }
            Pattern {
                node: PatternKind::MatchOr { patterns: alts },
                loc: loc(start, self.prev_end),
            }
        } else {
            first
        };
        if self.eat_kw("as") {
            let t = self.tok().clone();
            let simple_name = self.at_name()
                && !(self.nth_is_op(1, ".") || self.nth_is_op(1, "(") || self.nth_is_op(1, "["));
            if !simple_name {
                if !self.starts_expression() {
                    return Err(self.invalid_syntax());
                }
                // CPython parses what follows as an expression to report it.
                self.expression()?;
                return Err(PErr::syntax(
                    "invalid pattern target",
                    t.start,
                    self.prev_end,
                ));
            }
            let (name, _) = self.name()?;
            if name == "_" {
                return Err(PErr::syntax("cannot use '_' as a target", t.start, t.end));
            }
            p = Pattern {
                node: PatternKind::MatchAs {
                    pattern: Some(Box::new(p)),
                    name: Some(name),
                },
                loc: loc(start, self.prev_end),
            };
        }
        Ok(p)
    }

    fn closed_pattern(&mut self) -> PResult<Pattern> {
        let start = self.start();
        let t = self.tok().clone();
        match t.kind {
            TokenKind::Number | TokenKind::String | TokenKind::FStringStart => {
                let v = self.literal_expr()?;
                Ok(Pattern {
                    node: PatternKind::MatchValue { value: Box::new(v) },
                    loc: loc(start, self.prev_end),
                })
            }
            TokenKind::Op if t.text == "-" => {
                let v = self.literal_expr()?;
                Ok(Pattern {
                    node: PatternKind::MatchValue { value: Box::new(v) },
                    loc: loc(start, self.prev_end),
                })
            }
            TokenKind::Name => {
                let singleton = match t.text.as_str() {
                    "None" => Some(Constant::None),
                    "True" => Some(Constant::Bool(true)),
                    "False" => Some(Constant::Bool(false)),
                    _ => None,
                };
                if let Some(value) = singleton {
                    self.bump();
                    return Ok(Pattern {
                        node: PatternKind::MatchSingleton { value },
                        loc: loc(start, self.prev_end),
                    });
                }
                let (first, _) = self.name()?;
                let mut func = self.mk_expr(
                    ExprKind::Name {
                        id: first.clone(),
                        ctx: ExprContext::Load,
                    },
                    start,
                );
                let mut dotted = false;
                while self.eat_op(".") {
                    let (attr, _) = self.name()?;
                    func = self.mk_expr(
                        ExprKind::Attribute {
                            value: Box::new(func),
                            attr,
                            ctx: ExprContext::Load,
                        },
                        start,
                    );
                    dotted = true;
                }
                if self.at_op("(") {
                    return self.class_pattern(func);
                }
                if dotted {
                    return Ok(Pattern {
                        node: PatternKind::MatchValue {
                            value: Box::new(func),
                        },
                        loc: loc(start, self.prev_end),
                    });
                }
                let name = if first == "_" { None } else { Some(first) };
                Ok(Pattern {
                    node: PatternKind::MatchAs {
                        pattern: None,
                        name,
                    },
                    loc: loc(start, self.prev_end),
                })
            }
            TokenKind::Op if t.text == "(" => {
                self.bump();
                if self.eat_op(")") {
                    return Ok(Pattern {
                        node: PatternKind::MatchSequence { patterns: vec![] },
                        loc: loc(start, self.prev_end),
                    });
                }
                let first = self.maybe_star_pattern()?;
                if self.eat_op(")") {
                    if matches!(first.node, PatternKind::MatchStar { .. }) {
                        return Ok(Pattern {
                            node: PatternKind::MatchSequence {
                                patterns: vec![first],
                            },
                            loc: loc(start, self.prev_end),
                        });
                    }
                    return Ok(first);
                }
                let mut pats = vec![first];
                while self.eat_op(",") {
                    if self.at_op(")") {
                        break;
                    }
                    pats.push(self.maybe_star_pattern()?);
                }
                self.expect_closing(")", start)?;
                Ok(Pattern {
                    node: PatternKind::MatchSequence { patterns: pats },
                    loc: loc(start, self.prev_end),
                })
            }
            TokenKind::Op if t.text == "[" => {
                self.bump();
                let mut pats = Vec::new();
                while !self.at_op("]") {
                    pats.push(self.maybe_star_pattern()?);
                    if !self.eat_op(",") {
                        break;
                    }
                }
                self.expect_closing("]", start)?;
                Ok(Pattern {
                    node: PatternKind::MatchSequence { patterns: pats },
                    loc: loc(start, self.prev_end),
                })
            }
            TokenKind::Op if t.text == "{" => self.mapping_pattern(),
            _ => Err(self.invalid_syntax()),
        }
    }

    /// Numbers (optionally signed, optionally complex), strings and
    /// f-strings allowed as literal patterns / mapping keys.
    fn literal_expr(&mut self) -> PResult<Expr> {
        let start = self.start();
        let t = self.tok().clone();
        if matches!(t.kind, TokenKind::String | TokenKind::FStringStart) {
            return self.strings();
        }
        let neg = self.eat_op("-");
        if self.kind() != TokenKind::Number {
            return Err(self.invalid_syntax());
        }
        let nt = self.tok().clone();
        let mut e = self.atom()?;
        if neg {
            e = self.mk_expr(
                ExprKind::UnaryOp {
                    op: UnaryOp::USub,
                    operand: Box::new(e),
                },
                start,
            );
        }
        if self.at_op("+") || self.at_op("-") {
            let op = if self.at_op("+") {
                Operator::Add
            } else {
                Operator::Sub
            };
            if matches!(
                &e.node,
                ExprKind::Constant {
                    value: Constant::Complex { .. },
                    ..
                }
            ) || matches!(&e.node, ExprKind::UnaryOp { operand, .. } if matches!(operand.node, ExprKind::Constant { value: Constant::Complex { .. }, .. }))
            {
                return Err(PErr::syntax(
                    "real number required in complex literal",
                    nt.start,
                    nt.end,
                ));
            }
            self.bump();
            let it = self.tok().clone();
            if it.kind != TokenKind::Number {
                return Err(self.invalid_syntax());
            }
            let right = self.atom()?;
            if !matches!(
                right.node,
                ExprKind::Constant {
                    value: Constant::Complex { .. },
                    ..
                }
            ) {
                return Err(PErr::syntax(
                    "imaginary number required in complex literal",
                    it.start,
                    it.end,
                ));
            }
            e = self.mk_expr(
                ExprKind::BinOp {
                    left: Box::new(e),
                    op,
                    right: Box::new(right),
                },
                start,
            );
        }
        Ok(e)
    }

    fn mapping_pattern(&mut self) -> PResult<Pattern> {
        let start = self.start();
        self.bump();
        let mut keys = Vec::new();
        let mut patterns = Vec::new();
        let mut rest = None;
        while !self.at_op("}") {
            if self.eat_op("**") {
                if self.at_name() && self.tok().text == "_" {
                    return Err(self.invalid_syntax());
                }
                let (n, _) = self.name()?;
                rest = Some(n);
                self.eat_op(",");
                break;
            }
            let t = self.tok().clone();
            let key = match t.kind {
                TokenKind::Name => match t.text.as_str() {
                    "None" | "True" | "False" => self.atom()?,
                    _ => {
                        let ks = self.start();
                        let (first, _) = self.name()?;
                        let mut e = self.mk_expr(
                            ExprKind::Name {
                                id: first,
                                ctx: ExprContext::Load,
                            },
                            ks,
                        );
                        let mut dotted = false;
                        while self.eat_op(".") {
                            let (attr, _) = self.name()?;
                            e = self.mk_expr(
                                ExprKind::Attribute {
                                    value: Box::new(e),
                                    attr,
                                    ctx: ExprContext::Load,
                                },
                                ks,
                            );
                            dotted = true;
                        }
                        if !dotted {
                            return Err(self.invalid_syntax_at(0));
                        }
                        e
                    }
                },
                _ => self.literal_expr()?,
            };
            self.expect_op(":")?;
            keys.push(key);
            patterns.push(self.pattern()?);
            if !self.eat_op(",") {
                break;
            }
        }
        self.expect_closing("}", start)?;
        Ok(Pattern {
            node: PatternKind::MatchMapping {
                keys,
                patterns,
                rest,
            },
            loc: loc(start, self.prev_end),
        })
    }

    fn class_pattern(&mut self, cls: Expr) -> PResult<Pattern> {
        let start = start_of(&cls.loc);
        let open = self.start();
        self.bump();
        let mut patterns = Vec::new();
        let mut kwd_attrs = Vec::new();
        let mut kwd_patterns = Vec::new();
        while !self.at_op(")") {
            if self.at_name() && self.nth_is_op(1, "=") {
                let (n, _) = self.name()?;
                self.bump();
                kwd_attrs.push(n);
                kwd_patterns.push(self.pattern()?);
            } else {
                let p = self.pattern()?;
                if !kwd_attrs.is_empty() {
                    return Err(PErr::syntax(
                        "positional patterns follow keyword patterns",
                        start_of(&p.loc),
                        end_of(&p.loc),
                    ));
                }
                patterns.push(p);
            }
            if !self.eat_op(",") {
                break;
            }
        }
        self.expect_closing(")", open)?;
        Ok(Pattern {
            node: PatternKind::MatchClass {
                cls: Box::new(cls),
                patterns,
                kwd_attrs,
                kwd_patterns,
            },
            loc: loc(start, self.prev_end),
        })
    }
}
