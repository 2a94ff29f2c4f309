//! Expressions: `expression` down to `atom` of the grammar, binary operators
//! by precedence climbing.

use super::{is_keyword, loc, normalize_name, PResult, Parser};
use crate::ast::*;
use crate::perr::PErr;
use crate::tokenizer::{Pos, TokenKind};

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

    /// `x = 1` where an expression is expected: CPython's
    /// `invalid_named_expression` hints at `==` / `:=`.
    fn misplaced_assignment(&mut self, e: &Expr) -> Option<PErr> {
        let save = (self.pos, self.prev_end);
        self.bump();
        let rhs_ok = self.bitwise_or().is_ok() && !self.at_op("=") && !self.at_op(":=");
        let rhs_end = self.prev_end;
        self.pos = save.0;
        self.prev_end = save.1;
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

    fn expression_inner(&mut self) -> PResult<Expr> {
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

    fn lambdef(&mut self) -> PResult<Expr> {
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
        self.expect_op(":")?;
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

    fn disjunction_inner(&mut self) -> PResult<Expr> {
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

    fn conjunction(&mut self) -> PResult<Expr> {
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

    fn inversion(&mut self) -> PResult<Expr> {
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

    fn comp_op(&self) -> Option<(CmpOp, usize)> {
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

    fn comparison(&mut self) -> PResult<Expr> {
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

    fn binary(&mut self, min_prec: u8) -> PResult<Expr> {
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
    fn not_after_operator(&mut self) -> PResult<()> {
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

    fn factor(&mut self) -> PResult<Expr> {
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

    fn power(&mut self) -> PResult<Expr> {
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

    fn await_primary(&mut self) -> PResult<Expr> {
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
            } else if self.at_op("[") {
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

    fn slices(&mut self) -> PResult<Expr> {
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

    fn slice_item(&mut self) -> PResult<Expr> {
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
        if self.eat_op(":") {
            if !(self.at_op(",") || self.at_op("]")) {
                step = Some(self.expression()?);
            }
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
    fn src_paren_before(&self, _e: &Expr) -> bool {
        false
    }

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

    fn paren_atom(&mut self) -> PResult<Expr> {
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

    fn list_atom(&mut self) -> PResult<Expr> {
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

    fn brace_atom(&mut self) -> PResult<Expr> {
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

    fn dict_value(&mut self) -> PResult<Expr> {
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

    fn dict_rest(&mut self, start: Pos, first: Option<(Expr, Expr)>) -> PResult<Expr> {
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
                    if self.at_op("}") || self.at_op(",") {
                        let end = super::end_of(&k.loc);
                        let at = Pos {
                            line: end.line,
                            col: end.col.saturating_sub(1),
                        };
                        let mut e = PErr::syntax("':' expected after dictionary key", at, at);
                        e.end_col_zero = true;
                        return Err(e);
                    }
                    return Err(self.invalid_syntax());
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
            gens.push(Comprehension {
                target,
                iter,
                ifs,
                is_async,
            });
        }
        Ok(gens)
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

    fn target_atom(&mut self) -> PResult<Expr> {
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
        self.bitwise_or()
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

    /// The expression after `*` in calls and subscripts.
    fn star_operand(&mut self) -> PResult<Expr> {
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
                    return Err(self.invalid_syntax());
                }
                let e = if self.at_kw("for") || self.at_kw("async") {
                    let generators = self.comprehension_clauses()?;
                    if !args.is_empty() || !keywords.is_empty() || !self.at_op(")") {
                        let end = self.prev_end;
                        return Err(PErr::syntax(
                            "Generator expression must be parenthesized",
                            super::start_of(&e.loc),
                            end,
                        ));
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
