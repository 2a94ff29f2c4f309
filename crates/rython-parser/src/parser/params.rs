//! Parameter lists of `def` and `lambda`.

use super::{loc, PResult, Parser};
use crate::ast::*;
use crate::perr::PErr;
use crate::tokenizer::Pos;

impl<'a> Parser<'a> {
    /// Parses parameters up to (not including) `)` for `def` or `:` for
    /// `lambda`.
    pub fn parameters(&mut self, lambda: bool) -> PResult<Arguments> {
        let close = if lambda { ":" } else { ")" };
        let mut a = Arguments::default();
        let mut seen_slash = false;
        let mut seen_star = false;
        let mut seen_default = false;
        let mut bare_star: Option<Pos> = None;
        while !self.at_op(close) {
            let t = self.tok().clone();
            if a.kwarg.is_some() {
                return Err(PErr::syntax(
                    "arguments cannot follow var-keyword argument",
                    t.start,
                    t.end,
                ));
            }
            if self.at_op("/") {
                if seen_slash {
                    return Err(PErr::syntax("/ may appear only once", t.start, t.end));
                }
                if seen_star {
                    return Err(PErr::syntax("/ must be ahead of *", t.start, t.end));
                }
                if a.args.is_empty() && self.nth_is_op(1, close) {
                    return Err(self.err_at_token("invalid syntax", &t));
                }
                if a.args.is_empty() {
                    return Err(PErr::syntax(
                        "at least one argument must precede /",
                        t.start,
                        t.end,
                    ));
                }
                self.bump();
                seen_slash = true;
                a.posonlyargs = std::mem::take(&mut a.args);
                if self.at_op("*") {
                    let t = self.tok().clone();
                    return Err(self.err_at_token("expected comma between / and *", &t));
                }
            } else if self.at_op("*") {
                let next = if seen_star {
                    self.nth(1).clone()
                } else {
                    t.clone()
                };
                let after = if seen_star {
                    self.nth(2).clone()
                } else {
                    t.clone()
                };
                let param_follows = next.text == ","
                    || (next.kind == crate::tokenizer::TokenKind::Name
                        && !super::is_keyword(&next.text)
                        && (after.text == "," || after.text == close));
                if seen_star && !param_follows {
                    return Err(self.err_at_token("invalid syntax", &t));
                }
                if seen_star && param_follows {
                    return Err(PErr::syntax(
                        "* argument may appear only once",
                        t.start,
                        t.end,
                    ));
                }
                self.bump();
                if self.at_op("*") || self.at_op("**") {
                    let t = self.tok().clone();
                    return Err(self.err_at_token("invalid syntax", &t));
                }
                seen_star = true;
                if self.at_op(",") || self.at_op(close) {
                    bare_star = Some(t.start);
                    if self.at_op(close) || self.nth_is_op(1, "**") || self.nth_is_op(1, close) {
                        // `def` reports at the `*`, `lambda` at the token
                        // after it that gave up.
                        let at = if !lambda {
                            t.clone()
                        } else if self.at_op(close) {
                            self.tok().clone()
                        } else {
                            self.nth(1).clone()
                        };
                        return Err(PErr::syntax(
                            "named arguments must follow bare *",
                            at.start,
                            at.end,
                        ));
                    }
                } else {
                    let p = self.param(lambda, true)?;
                    if self.at_op("=") {
                        let e = self.tok().clone();
                        return Err(PErr::syntax(
                            "var-positional argument cannot have default value",
                            e.start,
                            e.end,
                        ));
                    }
                    a.vararg = Some(Box::new(p));
                }
            } else if self.at_op("**") {
                self.bump();
                let p = self.param(lambda, false)?;
                if self.at_op("=") {
                    let e = self.tok().clone();
                    return Err(PErr::syntax(
                        "var-keyword argument cannot have default value",
                        e.start,
                        e.end,
                    ));
                }
                a.kwarg = Some(Box::new(p));
            } else {
                if self.at_op("(") {
                    let open = self.tok().clone();
                    if !seen_star
                        && !seen_default
                        && self.nth(1).kind == crate::tokenizer::TokenKind::Name
                        && !super::is_keyword(&self.nth(1).text)
                    {
                        return Err(self.parenthesized_param(lambda));
                    }
                    return Err(self.err_at_token("invalid syntax", &open));
                }
                let p = self.param(lambda, false)?;
                let default = if self.at_op("=") {
                    let eq = self.bump();
                    if self.at_op(",") || self.at_op(close) {
                        return Err(PErr::syntax(
                            "expected default value expression",
                            eq.start,
                            eq.end,
                        ));
                    }
                    Some(self.expression()?)
                } else {
                    None
                };
                if seen_star {
                    a.kwonlyargs.push(p);
                    a.kw_defaults.push(default);
                } else {
                    match default {
                        Some(d) => {
                            seen_default = true;
                            a.defaults.push(d);
                        }
                        None if seen_default && !(self.at_op(",") || self.at_op(close)) => {
                            return Err(self.invalid_syntax());
                        }
                        None if seen_default => {
                            return Err(PErr::syntax(
                                "parameter without a default follows parameter with a default",
                                start_pos(&p.loc),
                                end_pos(&p.loc),
                            ));
                        }
                        None => {}
                    }
                    a.args.push(p);
                }
            }
            if !self.eat_op(",") {
                break;
            }
        }
        let _ = bare_star;
        if !self.at_op(close) {
            if lambda && self.at_op("(") {
                return Err(self.invalid_syntax());
            }
            if !lambda && self.at_op(":") || lambda && self.at_op(")") {
                return Err(self.invalid_syntax());
            }
        }
        Ok(a)
    }

    /// `def f((a, b)):` -- Python 2 tuple parameters.
    fn parenthesized_param(&self, lambda: bool) -> PErr {
        let open = self.tok().clone();
        let mut depth = 0;
        let mut i = 0;
        loop {
            let t = self.nth(i);
            if t.kind == crate::tokenizer::TokenKind::EndMarker {
                return self.invalid_syntax();
            }
            if t.text == "(" {
                depth += 1;
            } else if t.text == ")" {
                depth -= 1;
                if depth == 0 {
                    break;
                }
            }
            i += 1;
        }
        let msg = if lambda {
            "Lambda expression parameters cannot be parenthesized"
        } else {
            "Function parameters cannot be parenthesized"
        };
        PErr::syntax(msg, open.start, self.nth(i).end)
    }

    fn param(&mut self, lambda: bool, star: bool) -> PResult<Arg> {
        let start = self.start();
        let (arg, _) = self.name()?;
        let annotation = if !lambda && self.eat_op(":") {
            let e = if star && self.at_op("*") {
                self.star_expression()?
            } else {
                self.expression()?
            };
            Some(Box::new(e))
        } else {
            None
        };
        Ok(Arg {
            arg,
            annotation,
            loc: loc(start, self.prev_end),
        })
    }
}

fn start_pos(l: &Loc) -> Pos {
    super::start_of(l)
}

fn end_pos(l: &Loc) -> Pos {
    super::end_of(l)
}
