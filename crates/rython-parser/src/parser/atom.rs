//! Atoms: names, literals, and the bracketed displays (tuples, lists,
//! sets, dicts and comprehensions).

use super::{is_keyword, normalize_name, PResult, Parser};
use crate::ast::*;
use crate::perr::PErr;
use crate::tokenizer::{Pos, TokenKind};

impl<'a> Parser<'a> {
    pub fn atom(&mut self) -> PResult<Expr> {
        let t = self.tok().clone();
        let start = t.start;
        match t.kind {
            TokenKind::Name => {
                let node = match t.text.as_str() {
                    "None" => ExprKind::Constant {
                        value: Constant::None,
                        kind: None,
                    },
                    "True" => ExprKind::Constant {
                        value: Constant::Bool(true),
                        kind: None,
                    },
                    "False" => ExprKind::Constant {
                        value: Constant::Bool(false),
                        kind: None,
                    },
                    s if is_keyword(s) => return Err(self.invalid_syntax()),
                    s => ExprKind::Name {
                        id: normalize_name(s),
                        ctx: ExprContext::Load,
                    },
                };
                self.bump();
                Ok(self.mk_expr(node, start))
            }
            TokenKind::Number => {
                self.bump();
                check_int_digits(&t)?;
                let value = parse_number(&t.text)
                    .ok_or_else(|| PErr::syntax("invalid decimal literal", t.start, t.end))?;
                Ok(self.mk_expr(ExprKind::Constant { value, kind: None }, start))
            }
            TokenKind::String | TokenKind::FStringStart => self.strings(),
            TokenKind::Op => match t.text.as_str() {
                "(" => self.paren_atom(),
                "[" => self.list_atom(),
                "{" => self.brace_atom(),
                "..." => {
                    self.bump();
                    Ok(self.mk_expr(
                        ExprKind::Constant {
                            value: Constant::Ellipsis,
                            kind: None,
                        },
                        start,
                    ))
                }
                _ => Err(self.invalid_syntax()),
            },
            _ => Err(self.invalid_syntax()),
        }
    }

    pub(crate) fn paren_atom(&mut self) -> PResult<Expr> {
        let start = self.start();
        self.bump();
        if self.eat_op(")") {
            return Ok(self.mk_expr(
                ExprKind::Tuple {
                    elts: vec![],
                    ctx: ExprContext::Load,
                },
                start,
            ));
        }
        if self.at_kw("yield") {
            let e = self.yield_expr()?;
            self.expect_closing(")", start)?;
            return Ok(e);
        }
        let first = self.star_named_expression()?;
        if self.at_kw("for") || self.at_kw("async") {
            if matches!(first.node, ExprKind::Starred { .. }) {
                return Err(PErr::syntax(
                    "iterable unpacking cannot be used in comprehension",
                    super::start_of(&first.loc),
                    super::end_of(&first.loc),
                ));
            }
            let generators = self.comprehension_clauses()?;
            self.expect_closing(")", start)?;
            return Ok(self.mk_expr(
                ExprKind::GeneratorExp {
                    elt: Box::new(first),
                    generators,
                },
                start,
            ));
        }
        if self.at_op(")") {
            self.bump();
            if let ExprKind::Starred { .. } = first.node {
                return Err(PErr::syntax(
                    "cannot use starred expression here",
                    super::start_of(&first.loc),
                    super::end_of(&first.loc),
                ));
            }
            return Ok(first);
        }
        if !self.at_op(",") {
            return Err(self
                .expect_closing(")", start)
                .err()
                .unwrap_or_else(|| self.invalid_syntax()));
        }
        let mut elts = vec![first];
        while self.eat_op(",") {
            if self.at_op(")") {
                break;
            }
            elts.push(self.star_named_expression()?);
        }
        self.expect_closing(")", start)?;
        Ok(self.mk_expr(
            ExprKind::Tuple {
                elts,
                ctx: ExprContext::Load,
            },
            start,
        ))
    }

    pub(crate) fn list_atom(&mut self) -> PResult<Expr> {
        let start = self.start();
        self.bump();
        if self.eat_op("]") {
            return Ok(self.mk_expr(
                ExprKind::List {
                    elts: vec![],
                    ctx: ExprContext::Load,
                },
                start,
            ));
        }
        let first = self.star_named_expression()?;
        if self.at_kw("for") || self.at_kw("async") {
            if matches!(first.node, ExprKind::Starred { .. }) {
                return Err(PErr::syntax(
                    "iterable unpacking cannot be used in comprehension",
                    super::start_of(&first.loc),
                    super::end_of(&first.loc),
                ));
            }
            let generators = self.comprehension_clauses()?;
            self.expect_closing("]", start)?;
            return Ok(self.mk_expr(
                ExprKind::ListComp {
                    elt: Box::new(first),
                    generators,
                },
                start,
            ));
        }
        let mut elts = vec![first];
        while self.eat_op(",") {
            if self.at_op("]") {
                break;
            }
            elts.push(self.star_named_expression()?);
        }
        if elts.len() > 1 && (self.at_kw("for") || self.at_kw("async")) {
            return Err(PErr::syntax(
                "did you forget parentheses around the comprehension target?",
                super::start_of(&elts[0].loc),
                super::end_of(&elts[elts.len() - 1].loc),
            ));
        }
        self.expect_closing("]", start)?;
        Ok(self.mk_expr(
            ExprKind::List {
                elts,
                ctx: ExprContext::Load,
            },
            start,
        ))
    }

    pub(crate) fn brace_atom(&mut self) -> PResult<Expr> {
        let start = self.start();
        self.bump();
        if self.eat_op("}") {
            return Ok(self.mk_expr(
                ExprKind::Dict {
                    keys: vec![],
                    values: vec![],
                },
                start,
            ));
        }
        if self.at_op("**") {
            if let Some(e) = self.dict_unpacking_comprehension() {
                return Err(e);
            }
            return self.dict_rest(start, None);
        }
        let first = self.star_named_expression()?;
        if self.at_op(":") && !matches!(first.node, ExprKind::Starred { .. }) {
            let colon = self.bump();
            if self.at_op("}") || self.at_op(",") {
                return Err(PErr::syntax(
                    "expression expected after dictionary key and ':'",
                    colon.start,
                    colon.end,
                ));
            }
            let value = self.dict_value()?;
            if self.at_kw("for") || self.at_kw("async") {
                let generators = self.comprehension_clauses()?;
                self.expect_closing("}", start)?;
                return Ok(self.mk_expr(
                    ExprKind::DictComp {
                        key: Box::new(first),
                        value: Box::new(value),
                        generators,
                    },
                    start,
                ));
            }
            return self.dict_rest(start, Some((first, value)));
        }
        if self.at_kw("for") || self.at_kw("async") {
            if matches!(first.node, ExprKind::Starred { .. }) {
                return Err(PErr::syntax(
                    "iterable unpacking cannot be used in comprehension",
                    super::start_of(&first.loc),
                    super::end_of(&first.loc),
                ));
            }
            let generators = self.comprehension_clauses()?;
            self.expect_closing("}", start)?;
            return Ok(self.mk_expr(
                ExprKind::SetComp {
                    elt: Box::new(first),
                    generators,
                },
                start,
            ));
        }
        let mut elts = vec![first];
        while self.eat_op(",") {
            if self.at_op("}") {
                break;
            }
            elts.push(self.star_named_expression()?);
        }
        if elts.len() > 1 && (self.at_kw("for") || self.at_kw("async")) {
            return Err(PErr::syntax(
                "did you forget parentheses around the comprehension target?",
                super::start_of(&elts[0].loc),
                super::end_of(&elts[elts.len() - 1].loc),
            ));
        }
        self.expect_closing("}", start)?;
        Ok(self.mk_expr(ExprKind::Set { elts }, start))
    }

    /// `{**a for a in b}` (CPython's invalid_dict_comprehension), standing
    /// on the `**`; a look-ahead.
    fn dict_unpacking_comprehension(&mut self) -> Option<PErr> {
        let save = (self.pos, self.prev_end);
        let seen = self.max_seen.get();
        let last_disj = self.last_disj;
        let stars = self.bump();
        let found = self.bitwise_or().is_ok()
            && (self.at_kw("for") || self.at_kw("async"))
            && self.comprehension_clauses().is_ok()
            && self.at_op("}");
        self.pos = save.0;
        self.prev_end = save.1;
        self.max_seen.set(seen);
        self.last_disj = last_disj;
        found.then(|| {
            PErr::syntax(
                "dict unpacking cannot be used in dict comprehension",
                stars.start,
                stars.end,
            )
        })
    }

    pub(crate) fn dict_value(&mut self) -> PResult<Expr> {
        if self.at_op("*") {
            let start = self.start();
            self.bump();
            self.bitwise_or()?;
            return Err(PErr::syntax(
                "cannot use a starred expression in a dictionary value",
                start,
                self.prev_end,
            ));
        }
        self.expression()
    }

    pub(crate) fn dict_rest(&mut self, start: Pos, first: Option<(Expr, Expr)>) -> PResult<Expr> {
        let mut keys = Vec::new();
        let mut values = Vec::new();
        let mut need_item = first.is_none();
        if let Some((k, v)) = first {
            keys.push(Some(k));
            values.push(v);
        }
        loop {
            if !need_item {
                if !self.eat_op(",") {
                    break;
                }
                if self.at_op("}") {
                    break;
                }
            }
            need_item = false;
            if self.eat_op("**") {
                keys.push(None);
                values.push(self.bitwise_or()?);
            } else {
                let k = self.expression()?;
                if !self.at_op(":") {
                    // CPython's invalid_kvpair: any key not followed by `:`.
                    let end = super::end_of(&k.loc);
                    let at = Pos {
                        line: end.line,
                        col: end.col.saturating_sub(1),
                    };
                    let mut e = PErr::syntax("':' expected after dictionary key", at, at);
                    e.end_col_zero = true;
                    return Err(e);
                }
                let colon = self.bump();
                if self.at_op("}") || self.at_op(",") {
                    return Err(PErr::syntax(
                        "expression expected after dictionary key and ':'",
                        colon.start,
                        colon.end,
                    ));
                }
                keys.push(Some(k));
                values.push(self.dict_value()?);
            }
        }
        if self.at_kw("for") || self.at_kw("async") {
            return Err(self.invalid_syntax());
        }
        self.expect_closing("}", start)?;
        Ok(self.mk_expr(ExprKind::Dict { keys, values }, start))
    }

    pub fn comprehension_clauses(&mut self) -> PResult<Vec<Comprehension>> {
        let mut gens = Vec::new();
        loop {
            let is_async = if self.at_kw("async")
                && self.nth(1).kind == TokenKind::Name
                && self.nth(1).text == "for"
            {
                self.bump();
                true
            } else {
                false
            };
            if !self.eat_kw("for") {
                if is_async {
                    return Err(self.invalid_syntax());
                }
                break;
            }
            let target = self.star_targets_for_raw()?;
            if !self.at_kw("in") {
                let t = self.tok().clone();
                return Err(self.err_at_token("'in' expected after for-loop variables", &t));
            }
            let target = self.to_store(target)?;
            self.bump();
            let iter = self.disjunction()?;
            let mut ifs = Vec::new();
            while self.eat_kw("if") {
                ifs.push(self.disjunction()?);
            }
            // These are bare disjunctions in the grammar: no comma hint
            // after them.
            self.last_disj = None;
            gens.push(Comprehension {
                target,
                iter,
                ifs,
                is_async,
            });
        }
        Ok(gens)
    }
}

/// CPython's default `sys.get_int_max_str_digits()`.
const INT_MAX_STR_DIGITS: usize = 4300;

/// Decimal integer literals longer than the int/str conversion limit are
/// a SyntaxError in CPython (other bases are exempt).
fn check_int_digits(t: &crate::tokenizer::Token) -> PResult<()> {
    let lower = t.text.to_ascii_lowercase();
    if lower.starts_with("0x")
        || lower.starts_with("0o")
        || lower.starts_with("0b")
        || lower.contains(['.', 'e', 'j'])
    {
        return Ok(());
    }
    let digits = t.text.bytes().filter(|b| b.is_ascii_digit()).count();
    if digits > INT_MAX_STR_DIGITS {
        let mut e = PErr::syntax(
            format!(
                "Exceeds the limit ({}) for integer string conversion: value has {} digits; use sys.set_int_max_str_digits() to increase the limit - Consider hexadecimal for huge integer literals to avoid decimal conversion limits.",
                INT_MAX_STR_DIGITS, digits
            ),
            t.start,
            t.start,
        );
        e.fixed = Some((0, 0));
        return Err(e);
    }
    Ok(())
}

/// The value of a NUMBER token.
pub(crate) fn parse_number(text: &str) -> Option<Constant> {
    use num_bigint::BigInt;
    use num_traits::Num;
    let s: String = text.chars().filter(|&c| c != '_').collect();
    let lower = s.to_ascii_lowercase();
    if let Some(imag) = lower.strip_suffix('j') {
        return Some(Constant::Complex {
            real: 0.0,
            imag: parse_float(imag)?,
        });
    }
    let radix = if lower.starts_with("0x") {
        16
    } else if lower.starts_with("0o") {
        8
    } else if lower.starts_with("0b") {
        2
    } else {
        10
    };
    if radix != 10 {
        return BigInt::from_str_radix(&lower[2..], radix)
            .ok()
            .map(Constant::Int);
    }
    if lower.contains(['.', 'e']) {
        return Some(Constant::Float(parse_float(&lower)?));
    }
    BigInt::from_str_radix(&lower, 10).ok().map(Constant::Int)
}

fn parse_float(s: &str) -> Option<f64> {
    s.parse::<f64>().ok()
}
