//! Subscripts and call arguments.

use super::{loc, PResult, Parser};
use crate::ast::*;
use crate::perr::PErr;

impl<'a> Parser<'a> {
    pub(crate) fn slices(&mut self) -> PResult<Expr> {
        let start = self.start();
        let first = self.slice_item()?;
        if !self.at_op(",") {
            if matches!(first.node, ExprKind::Starred { .. }) {
                return Ok(self.mk_expr(
                    ExprKind::Tuple {
                        elts: vec![first],
                        ctx: ExprContext::Load,
                    },
                    start,
                ));
            }
            return Ok(first);
        }
        let mut elts = vec![first];
        while self.eat_op(",") {
            if self.at_op("]") {
                break;
            }
            elts.push(self.slice_item()?);
        }
        Ok(self.mk_expr(
            ExprKind::Tuple {
                elts,
                ctx: ExprContext::Load,
            },
            start,
        ))
    }

    pub(crate) fn slice_item(&mut self) -> PResult<Expr> {
        let start = self.start();
        if self.at_op("*") {
            self.bump();
            let v = self.star_operand()?;
            return Ok(self.mk_expr(
                ExprKind::Starred {
                    value: Box::new(v),
                    ctx: ExprContext::Load,
                },
                start,
            ));
        }
        let lower = if self.at_op(":") {
            None
        } else {
            Some(self.named_expression()?)
        };
        if !self.at_op(":") {
            return lower.ok_or_else(|| self.invalid_syntax());
        }
        if let Some(l) = &lower {
            if matches!(l.node, ExprKind::NamedExpr { .. }) && !self.src_paren_before(l) {
                return Err(self.invalid_syntax());
            }
        }
        self.bump();
        let upper = if self.at_op(":") || self.at_op(",") || self.at_op("]") {
            None
        } else {
            Some(self.expression()?)
        };
        let mut step = None;
        if self.eat_op(":") && !(self.at_op(",") || self.at_op("]")) {
            step = Some(self.expression()?);
        }
        Ok(self.mk_expr(
            ExprKind::Slice {
                lower: lower.map(Box::new),
                upper: upper.map(Box::new),
                step: step.map(Box::new),
            },
            start,
        ))
    }

    /// Whether the source text just before an expression is an opening
    /// parenthesis (i.e. it was written parenthesised).
    pub(crate) fn src_paren_before(&self, _e: &Expr) -> bool {
        false
    }

    /// The expression after `*` in calls and subscripts.
    pub(crate) fn star_operand(&mut self) -> PResult<Expr> {
        if !self.starts_expression() || self.at_op("*") {
            let t = self.tok().clone();
            return Err(self.err_at_token("Invalid star expression", &t));
        }
        self.expression().map_err(|mut e| {
            if e.msg == "invalid syntax" {
                e.msg = "Invalid star expression".into();
            }
            e
        })
    }

    /// Standing on `for`/`async`: whether complete comprehension clauses
    /// follow (a look-ahead); a specific error inside them is raised.
    fn comprehension_follows(&mut self) -> PResult<bool> {
        let save = (self.pos, self.prev_end);
        let seen = self.max_seen.get();
        let last_disj = self.last_disj;
        let r = self.comprehension_clauses();
        self.pos = save.0;
        self.prev_end = save.1;
        self.max_seen.set(seen);
        self.last_disj = last_disj;
        match r {
            Ok(_) => Ok(true),
            Err(e) if e.msg != "invalid syntax" => Err(e),
            Err(_) => Ok(false),
        }
    }

    /// Standing on the `,` after an unparenthesised generator expression
    /// argument: the error the following arguments raise, other than the
    /// generic ones (CPython's `invalid_arguments` parses them before it
    /// reports the generator).
    fn errors_after_genexp(&mut self) -> Option<PErr> {
        let save = (self.pos, self.prev_end);
        let seen = self.max_seen.get();
        let last_disj = self.last_disj;
        let no_eq_hint = self.no_eq_hint;
        self.in_genexp_args = true;
        // The `,` stands in for the call's `(`.
        let r = self.call_args_impl(true);
        self.in_genexp_args = false;
        self.pos = save.0;
        self.prev_end = save.1;
        self.max_seen.set(seen);
        self.last_disj = last_disj;
        self.no_eq_hint = no_eq_hint;
        let e = r.err()?;
        let generic = e.msg == "invalid syntax"
            || e.msg == "Generator expression must be parenthesized"
            || e.msg.starts_with("positional argument follows")
            || e.msg == "expected argument value expression"
            || e.msg.starts_with("iterable argument unpacking follows");
        (!generic).then_some(e)
    }

    pub fn call_args(&mut self) -> PResult<(Vec<Expr>, Vec<Keyword>)> {
        self.call_args_impl(true)
    }

    pub fn call_args_impl(&mut self, allow_genexp: bool) -> PResult<(Vec<Expr>, Vec<Keyword>)> {
        let open = self.start();
        self.bump();
        let mut args: Vec<Expr> = Vec::new();
        let mut keywords: Vec<Keyword> = Vec::new();
        let mut seen_kw_unpack = false;
        while !self.at_op(")") {
            let start = self.start();
            if self.at_op("**") {
                self.bump();
                let v = self.expression()?;
                if self.at_op("=") {
                    self.bump();
                    self.expression()?;
                    return Err(PErr::syntax(
                        "cannot assign to keyword argument unpacking",
                        start,
                        self.prev_end,
                    ));
                }
                keywords.push(Keyword {
                    arg: None,
                    value: v,
                    loc: loc(start, self.prev_end),
                });
                seen_kw_unpack = true;
            } else if self.at_op("*") {
                let comma = self.toks[self.pos.saturating_sub(1)].start;
                self.bump();
                let v = self.star_operand()?;
                let e = self.mk_expr(
                    ExprKind::Starred {
                        value: Box::new(v),
                        ctx: ExprContext::Load,
                    },
                    start,
                );
                if self.at_op("=") {
                    self.bump();
                    self.expression()?;
                    return Err(PErr::syntax(
                        "cannot assign to iterable argument unpacking",
                        start,
                        self.prev_end,
                    ));
                }
                if self.at_kw("for") || self.at_kw("async") {
                    return Err(PErr::syntax(
                        "iterable unpacking cannot be used in comprehension",
                        super::start_of(&e.loc),
                        super::end_of(&e.loc),
                    ));
                }
                if seen_kw_unpack {
                    return Err(PErr::syntax(
                        "iterable argument unpacking follows keyword argument unpacking",
                        comma,
                        super::end_of(&e.loc),
                    ));
                }
                args.push(e);
            } else if self.at_name() && self.nth_is_op(1, "=") {
                let (arg, _) = self.name()?;
                let eq = self.bump();
                if self.at_op(",") || self.at_op(")") {
                    return Err(PErr::syntax(
                        "expected argument value expression",
                        start,
                        eq.end,
                    ));
                }
                let v = self.expression()?;
                if (self.at_kw("for") || self.at_kw("async")) && self.comprehension_follows()? {
                    return Err(PErr::syntax(
                        "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
                        start,
                        eq.end,
                    ));
                }
                keywords.push(Keyword {
                    arg: Some(arg),
                    value: v,
                    loc: loc(start, self.prev_end),
                });
            } else {
                self.no_eq_hint = true;
                let e = self.named_expression()?;
                if self.at_op("=") {
                    return Err(self.bad_keyword_target(&e));
                }
                if !allow_genexp && (self.at_kw("for") || self.at_kw("async")) {
                    // Class bases: a sole generator expression is just
                    // invalid; otherwise the call's diagnostics apply.
                    let err = self.invalid_syntax();
                    let save = (self.pos, self.prev_end);
                    let seen = self.max_seen.get();
                    let sole = args.is_empty()
                        && keywords.is_empty()
                        && self.comprehension_clauses().is_ok()
                        && self.at_op(")");
                    self.pos = save.0;
                    self.prev_end = save.1;
                    self.max_seen.set(seen);
                    if sole {
                        return Err(err);
                    }
                }
                let e = if self.at_kw("for") || self.at_kw("async") {
                    let generators = self.comprehension_clauses()?;
                    if !args.is_empty() || !keywords.is_empty() || !self.at_op(")") {
                        let end = self.prev_end;
                        let err = PErr::syntax(
                            "Generator expression must be parenthesized",
                            super::start_of(&e.loc),
                            end,
                        );
                        // CPython reads the arguments after `genexp ,`
                        // first; a keyword argument's error there wins.
                        if args.is_empty()
                            && keywords.is_empty()
                            && self.at_op(",")
                            && !self.in_genexp_args
                        {
                            if let Some(e2) = self.errors_after_genexp() {
                                return Err(e2);
                            }
                        }
                        return Err(err);
                    }
                    self.bump();
                    let g = self.mk_expr(
                        ExprKind::GeneratorExp {
                            elt: Box::new(e),
                            generators,
                        },
                        open,
                    );
                    args.push(g);
                    return Ok((args, keywords));
                } else {
                    e
                };
                if !keywords.is_empty() {
                    let msg = if seen_kw_unpack {
                        "positional argument follows keyword argument unpacking"
                    } else {
                        "positional argument follows keyword argument"
                    };
                    let t = self.tok().clone();
                    return Err(PErr::syntax(msg, t.start, t.end));
                }
                args.push(e);
            }
            if !self.eat_op(",") {
                break;
            }
        }
        self.expect_closing(")", open)?;
        Ok((args, keywords))
    }
}
