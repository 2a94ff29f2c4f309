//! Expressions: `expression` down to `atom` of the grammar, binary operators
//! by precedence climbing.

use super::{is_keyword, PResult, Parser};
use crate::ast::*;
use crate::perr::PErr;
use crate::tokenizer::TokenKind;

fn binop(text: &str) -> Option<(Operator, u8)> {
    Some(match text {
        "|" => (Operator::BitOr, 1),
        "^" => (Operator::BitXor, 2),
        "&" => (Operator::BitAnd, 3),
        "<<" => (Operator::LShift, 4),
        ">>" => (Operator::RShift, 4),
        "+" => (Operator::Add, 5),
        "-" => (Operator::Sub, 5),
        "*" => (Operator::Mult, 6),
        "/" => (Operator::Div, 6),
        "//" => (Operator::FloorDiv, 6),
        "%" => (Operator::Mod, 6),
        "@" => (Operator::MatMult, 6),
        _ => return None,
    })
}

impl<'a> Parser<'a> {
    /// `expressions` (eval input): a tuple when commas are present.
    pub fn expressions(&mut self) -> PResult<Expr> {
        let start = self.start();
        let first = self.expression()?;
        if !self.at_op(",") {
            return Ok(first);
        }
        let mut elts = vec![first];
        while self.eat_op(",") {
            if !self.starts_expression() {
                break;
            }
            elts.push(self.expression()?);
        }
        Ok(self.mk_expr(
            ExprKind::Tuple {
                elts,
                ctx: ExprContext::Load,
            },
            start,
        ))
    }

    /// True if the current token can begin an expression.
    pub fn starts_expression(&self) -> bool {
        let t = self.tok();
        match t.kind {
            TokenKind::Name => {
                !is_keyword(&t.text)
                    || matches!(
                        t.text.as_str(),
                        "None" | "True" | "False" | "not" | "lambda" | "await" | "yield"
                    )
            }
            TokenKind::Number | TokenKind::String | TokenKind::FStringStart => true,
            TokenKind::Op => matches!(
                t.text.as_str(),
                "(" | "[" | "{" | "-" | "+" | "~" | "..." | "*"
            ),
            _ => false,
        }
    }

    /// `star_expressions`: one or more `star_expression`, a tuple if commas.
    pub fn star_expressions(&mut self) -> PResult<Expr> {
        let start = self.start();
        let first = self.star_expression()?;
        if !self.at_op(",") {
            return Ok(first);
        }
        let mut elts = vec![first];
        while self.eat_op(",") {
            if !self.starts_expression() {
                break;
            }
            elts.push(self.star_expression()?);
        }
        Ok(self.mk_expr(
            ExprKind::Tuple {
                elts,
                ctx: ExprContext::Load,
            },
            start,
        ))
    }

    pub fn star_expression(&mut self) -> PResult<Expr> {
        if self.at_op("*") {
            let start = self.start();
            self.bump();
            let value = self.bitwise_or()?;
            return Ok(self.mk_expr(
                ExprKind::Starred {
                    value: Box::new(value),
                    ctx: ExprContext::Load,
                },
                start,
            ));
        }
        self.expression()
    }

    pub fn star_named_expression(&mut self) -> PResult<Expr> {
        if self.at_op("*") {
            let start = self.start();
            self.bump();
            if self.at_op(",") {
                let t = self.tok().clone();
                return Err(self.err_at_token("Invalid star expression", &t));
            }
            let value = self.bitwise_or()?;
            return Ok(self.mk_expr(
                ExprKind::Starred {
                    value: Box::new(value),
                    ctx: ExprContext::Load,
                },
                start,
            ));
        }
        self.named_expression()
    }

    pub fn named_expression(&mut self) -> PResult<Expr> {
        let no_hint = std::mem::take(&mut self.no_eq_hint);
        if self.at_name() && self.nth_is_op(1, ":=") {
            let start = self.start();
            let (id, l) = self.name()?;
            self.bump();
            let value = self.expression()?;
            let target = Expr {
                node: ExprKind::Name {
                    id,
                    ctx: ExprContext::Store,
                },
                loc: l,
            };
            return Ok(self.mk_expr(
                ExprKind::NamedExpr {
                    target: Box::new(target),
                    value: Box::new(value),
                },
                start,
            ));
        }
        let e = self.expression()?;
        if self.at_op(":=") {
            return Err(PErr::syntax(
                format!(
                    "cannot use assignment expressions with {}",
                    super::target::expr_name(&e)
                ),
                super::start_of(&e.loc),
                super::end_of(&e.loc),
            ));
        }
        if self.at_op("=") && !no_hint {
            if let Some(err) = self.misplaced_assignment(&e) {
                return Err(err);
            }
        }
        Ok(e)
    }

    pub fn misplaced_assignment_pub(&mut self, e: &Expr) -> Option<PErr> {
        self.misplaced_assignment(e)
    }

    /// `x = 1` where an expression is expected: CPython's
    /// `invalid_named_expression` hints at `==` / `:=`.
    pub(crate) fn misplaced_assignment(&mut self, e: &Expr) -> Option<PErr> {
        let save = (self.pos, self.prev_end);
        // A look-ahead only: CPython's error location must not move.
        let seen = self.max_seen.get();
        self.bump();
        let rhs_ok = self.bitwise_or().is_ok() && !self.at_op("=") && !self.at_op(":=");
        let rhs_end = self.prev_end;
        self.pos = save.0;
        self.prev_end = save.1;
        self.max_seen.set(seen);
        if !rhs_ok {
            return None;
        }
        match &e.node {
            ExprKind::Name { .. } => Some(PErr::syntax(
                "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
                super::start_of(&e.loc),
                rhs_end,
            )),
            ExprKind::List { .. }
            | ExprKind::Tuple { .. }
            | ExprKind::GeneratorExp { .. }
            | ExprKind::Constant {
                value: Constant::None | Constant::Bool(_),
                ..
            } => None,
            _ => Some(PErr::syntax(
                format!(
                    "cannot assign to {} here. Maybe you meant '==' instead of '='?",
                    super::target::expr_name(e)
                ),
                super::start_of(&e.loc),
                super::end_of(&e.loc),
            )),
        }
    }

    pub fn expression(&mut self) -> PResult<Expr> {
        self.enter()?;
        let r = self.expression_inner();
        self.leave();
        r
    }

    pub(crate) fn expression_inner(&mut self) -> PResult<Expr> {
        if self.at_kw("lambda") {
            return self.lambdef();
        }
        // `a if b else c if d else e` is built iteratively: CPython accepts
        // chains far longer than our recursion limit.
        let mut chain = Vec::new();
        let mut start = self.start();
        let mut body = self.disjunction()?;
        while self.at_kw("if") {
            self.bump();
            let test = self.disjunction()?;
            if !self.at_kw("else") {
                return Err(self.expected_else(&body));
            }
            self.bump();
            chain.push((start, body, test));
            if self.at_kw("lambda") {
                body = self.lambdef()?;
                break;
            }
            start = self.start();
            body = self.disjunction()?;
        }
        let mut orelse = body;
        while let Some((start, body, test)) = chain.pop() {
            orelse = self.mk_expr(
                ExprKind::IfExp {
                    test: Box::new(test),
                    body: Box::new(body),
                    orelse: Box::new(orelse),
                },
                start,
            );
        }
        Ok(orelse)
    }

    pub(crate) fn lambdef(&mut self) -> PResult<Expr> {
        let start = self.start();
        self.bump();
        let args = self.parameters(true)?;
        if self.at_op(":")
            && matches!(
                self.nth(1).kind,
                TokenKind::FStringMiddle | TokenKind::FStringEnd
            )
            || self.at_op(":") && self.nth_is_op(1, "}")
        {
            // In an f-string the `:` started the format spec.
            let colon = self.tok().clone();
            return Err(PErr::syntax(
                "f-string: lambda expressions are not allowed without parentheses",
                start,
                colon.end,
            ));
        }
        if !self.at_op(":") {
            return Err(self.invalid_syntax());
        }
        self.bump();
        let body = self.expression()?;
        Ok(self.mk_expr(
            ExprKind::Lambda {
                args: Box::new(args),
                body: Box::new(body),
            },
            start,
        ))
    }

    pub fn disjunction(&mut self) -> PResult<Expr> {
        let e = self.disjunction_inner()?;
        let is_name = matches!(e.node, ExprKind::Name { .. });
        self.last_disj = Some((super::start_of(&e.loc), super::end_of(&e.loc), is_name));
        Ok(e)
    }

    pub(crate) fn disjunction_inner(&mut self) -> PResult<Expr> {
        let start = self.start();
        let first = self.conjunction()?;
        if !self.at_kw("or") {
            return Ok(first);
        }
        let mut values = vec![first];
        while self.eat_kw("or") {
            values.push(self.conjunction()?);
        }
        Ok(self.mk_expr(
            ExprKind::BoolOp {
                op: BoolOp::Or,
                values,
            },
            start,
        ))
    }

    pub(crate) fn conjunction(&mut self) -> PResult<Expr> {
        let start = self.start();
        let first = self.inversion()?;
        if !self.at_kw("and") {
            return Ok(first);
        }
        let mut values = vec![first];
        while self.eat_kw("and") {
            values.push(self.inversion()?);
        }
        Ok(self.mk_expr(
            ExprKind::BoolOp {
                op: BoolOp::And,
                values,
            },
            start,
        ))
    }

    pub(crate) fn inversion(&mut self) -> PResult<Expr> {
        // Iterative, so that `not not not ... x` cannot exhaust the stack.
        let mut starts = Vec::new();
        while self.at_kw("not") {
            starts.push(self.start());
            self.bump();
        }
        let mut e = self.comparison()?;
        while let Some(s) = starts.pop() {
            e = self.mk_expr(
                ExprKind::UnaryOp {
                    op: UnaryOp::Not,
                    operand: Box::new(e),
                },
                s,
            );
        }
        Ok(e)
    }

    pub(crate) fn comp_op(&self) -> Option<(CmpOp, usize)> {
        let t = self.tok();
        match t.kind {
            TokenKind::Op => Some((
                match t.text.as_str() {
                    "==" => CmpOp::Eq,
                    "!=" => CmpOp::NotEq,
                    "<" => CmpOp::Lt,
                    "<=" => CmpOp::LtE,
                    ">" => CmpOp::Gt,
                    ">=" => CmpOp::GtE,
                    _ => return None,
                },
                1,
            )),
            TokenKind::Name => match t.text.as_str() {
                "in" => Some((CmpOp::In, 1)),
                "not" if self.nth(1).kind == TokenKind::Name && self.nth(1).text == "in" => {
                    Some((CmpOp::NotIn, 2))
                }
                "is" if self.nth(1).kind == TokenKind::Name && self.nth(1).text == "not" => {
                    Some((CmpOp::IsNot, 2))
                }
                "is" => Some((CmpOp::Is, 1)),
                _ => None,
            },
            _ => None,
        }
    }

    pub(crate) fn comparison(&mut self) -> PResult<Expr> {
        let start = self.start();
        let left = self.bitwise_or()?;
        let mut ops = Vec::new();
        let mut comparators = Vec::new();
        while let Some((op, n)) = self.comp_op() {
            for _ in 0..n {
                self.bump();
            }
            ops.push(op);
            comparators.push(self.bitwise_or()?);
        }
        if ops.is_empty() {
            return Ok(left);
        }
        Ok(self.mk_expr(
            ExprKind::Compare {
                left: Box::new(left),
                ops,
                comparators,
            },
            start,
        ))
    }

    pub fn bitwise_or(&mut self) -> PResult<Expr> {
        self.binary(1)
    }

    pub(crate) fn binary(&mut self, min_prec: u8) -> PResult<Expr> {
        let start = self.start();
        let mut left = self.factor()?;
        loop {
            let t = self.tok();
            if t.kind != TokenKind::Op {
                break;
            }
            let (op, prec) = match binop(&t.text) {
                Some(x) if x.1 >= min_prec => x,
                _ => break,
            };
            self.bump();
            self.not_after_operator()?;
            let right = self.binary(prec + 1)?;
            left = self.mk_expr(
                ExprKind::BinOp {
                    left: Box::new(left),
                    op,
                    right: Box::new(right),
                },
                start,
            );
        }
        Ok(left)
    }

    /// `3 + not 3`: CPython's dedicated message.
    pub(crate) fn not_after_operator(&mut self) -> PResult<()> {
        if self.at_kw("not") {
            let start = self.start();
            self.inversion()?;
            return Err(PErr::syntax(
                "'not' after an operator must be parenthesized",
                start,
                self.prev_end,
            ));
        }
        Ok(())
    }

    pub(crate) fn factor(&mut self) -> PResult<Expr> {
        let mut ops = Vec::new();
        loop {
            let t = self.tok();
            if t.kind != TokenKind::Op {
                break;
            }
            let op = match t.text.as_str() {
                "+" => UnaryOp::UAdd,
                "-" => UnaryOp::USub,
                "~" => UnaryOp::Invert,
                _ => break,
            };
            ops.push((op, t.start));
            self.bump();
        }
        if !ops.is_empty() {
            self.not_after_operator()?;
        }
        let mut e = self.power()?;
        while let Some((op, s)) = ops.pop() {
            e = self.mk_expr(
                ExprKind::UnaryOp {
                    op,
                    operand: Box::new(e),
                },
                s,
            );
        }
        Ok(e)
    }

    pub(crate) fn power(&mut self) -> PResult<Expr> {
        let start = self.start();
        let left = self.await_primary()?;
        if self.at_op("**") {
            self.bump();
            self.enter()?;
            let right = self.factor();
            self.leave();
            let right = right?;
            return Ok(self.mk_expr(
                ExprKind::BinOp {
                    left: Box::new(left),
                    op: Operator::Pow,
                    right: Box::new(right),
                },
                start,
            ));
        }
        Ok(left)
    }

    pub(crate) fn await_primary(&mut self) -> PResult<Expr> {
        if self.at_kw("await") {
            let start = self.start();
            self.bump();
            let v = self.primary()?;
            return Ok(self.mk_expr(ExprKind::Await { value: Box::new(v) }, start));
        }
        self.primary()
    }

    pub fn primary(&mut self) -> PResult<Expr> {
        let start = self.start();
        let mut e = self.atom()?;
        loop {
            if self.at_op(".") {
                self.bump();
                let (attr, _) = self.name()?;
                e = self.mk_expr(
                    ExprKind::Attribute {
                        value: Box::new(e),
                        attr,
                        ctx: ExprContext::Load,
                    },
                    start,
                );
            } else if self.at_op("(") {
                let (args, keywords) = self.call_args()?;
                e = self.mk_expr(
                    ExprKind::Call {
                        func: Box::new(e),
                        args,
                        keywords,
                    },
                    start,
                );
            } else if self.at_op("[") && !self.nth_is_op(1, "]") {
                self.bump();
                let open = self.start();
                let slice = self.slices()?;
                self.expect_closing("]", open)?;
                e = self.mk_expr(
                    ExprKind::Subscript {
                        value: Box::new(e),
                        slice: Box::new(slice),
                        ctx: ExprContext::Load,
                    },
                    start,
                );
            } else {
                break;
            }
        }
        Ok(e)
    }

    /// The target list of a `for` clause, up to `in`.
    pub fn star_targets_for(&mut self) -> PResult<Expr> {
        let e = self.star_targets_for_raw()?;
        self.to_store(e)
    }

    pub fn star_targets_for_raw(&mut self) -> PResult<Expr> {
        let start = self.start();
        let first = self.target_atom()?;
        let e = if self.at_op(",") {
            let mut elts = vec![first];
            while self.eat_op(",") {
                if self.at_kw("in") {
                    break;
                }
                elts.push(self.target_atom()?);
            }
            self.mk_expr(
                ExprKind::Tuple {
                    elts,
                    ctx: ExprContext::Load,
                },
                start,
            )
        } else {
            first
        };
        Ok(e)
    }

    pub(crate) fn target_atom(&mut self) -> PResult<Expr> {
        if self.at_op("*") {
            let start = self.start();
            self.bump();
            let v = self.target_atom()?;
            return Ok(self.mk_expr(
                ExprKind::Starred {
                    value: Box::new(v),
                    ctx: ExprContext::Load,
                },
                start,
            ));
        }
        let save = (self.pos, self.prev_end);
        self.bitwise_or().map_err(|e| {
            if e.msg != "invalid syntax" {
                return e;
            }
            // CPython's first pass reads targets as primaries and stops at
            // the first token that cannot continue one.
            self.pos = save.0;
            let _ = self.primary();
            let t = self.tok().clone();
            self.err_at_token("invalid syntax", &t)
        })
    }

    pub fn yield_expr(&mut self) -> PResult<Expr> {
        let start = self.start();
        self.bump();
        if self.eat_kw("from") {
            let v = self.expression()?;
            return Ok(self.mk_expr(ExprKind::YieldFrom { value: Box::new(v) }, start));
        }
        let value = if self.starts_expression() {
            Some(Box::new(self.star_expressions()?))
        } else {
            None
        };
        Ok(self.mk_expr(ExprKind::Yield { value }, start))
    }
}
