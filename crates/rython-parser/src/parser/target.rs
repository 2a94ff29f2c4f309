//! Turning parsed expressions into assignment / deletion targets, with
//! CPython's "cannot assign to ..." diagnostics.

use super::{end_of, start_of, PResult, Parser};
use crate::ast::*;
use crate::perr::PErr;
use crate::tokenizer::{Pos, TokenKind};

/// The noun CPython uses for an expression in error messages
/// (`_PyPegen_get_expr_name`).
pub(crate) fn expr_name(e: &Expr) -> &'static str {
    match &e.node {
        ExprKind::Attribute { .. } => "attribute",
        ExprKind::Subscript { .. } => "subscript",
        ExprKind::Starred { .. } => "starred",
        ExprKind::Name { .. } => "name",
        ExprKind::List { .. } => "list",
        ExprKind::Tuple { .. } => "tuple",
        ExprKind::Lambda { .. } => "lambda",
        ExprKind::Call { .. } => "function call",
        ExprKind::BoolOp { .. } | ExprKind::BinOp { .. } | ExprKind::UnaryOp { .. } => "expression",
        ExprKind::GeneratorExp { .. } => "generator expression",
        ExprKind::Yield { .. } | ExprKind::YieldFrom { .. } => "yield expression",
        ExprKind::Await { .. } => "await expression",
        ExprKind::ListComp { .. } => "list comprehension",
        ExprKind::SetComp { .. } => "set comprehension",
        ExprKind::DictComp { .. } => "dict comprehension",
        ExprKind::Dict { .. } => "dict literal",
        ExprKind::Set { .. } => "set display",
        ExprKind::JoinedStr { .. } | ExprKind::FormattedValue { .. } => "f-string expression",
        ExprKind::Constant { value, .. } => match value {
            Constant::None => "None",
            Constant::Bool(true) => "True",
            Constant::Bool(false) => "False",
            Constant::Ellipsis => "ellipsis",
            _ => "literal",
        },
        ExprKind::Compare { .. } => "comparison",
        ExprKind::IfExp { .. } => "conditional expression",
        ExprKind::NamedExpr { .. } => "named expression",
        ExprKind::Slice { .. } => "slice",
    }
}

/// The first sub-expression that cannot be a target, if any.
fn invalid_target(e: &Expr, del: bool) -> Option<&Expr> {
    match &e.node {
        ExprKind::Name { .. } | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => None,
        ExprKind::Starred { value, .. } => {
            if del {
                Some(e)
            } else {
                invalid_target(value, del)
            }
        }
        ExprKind::List { elts, .. } | ExprKind::Tuple { elts, .. } => {
            elts.iter().find_map(|x| invalid_target(x, del))
        }
        _ => Some(e),
    }
}

/// `_PyPegen_get_invalid_target` for FOR_TARGETS: `a in b` read as a
/// comparison is searched on its left side.
pub(crate) fn invalid_for_target(e: &Expr) -> Option<&Expr> {
    match &e.node {
        ExprKind::Name { .. } | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => None,
        ExprKind::Starred { value, .. } => invalid_for_target(value),
        ExprKind::List { elts, .. } | ExprKind::Tuple { elts, .. } => {
            elts.iter().find_map(invalid_for_target)
        }
        ExprKind::Compare { left, ops, .. } => {
            if ops.first() == Some(&CmpOp::In) {
                invalid_for_target(left)
            } else {
                None
            }
        }
        _ => Some(e),
    }
}

fn set_ctx(e: Expr, ctx: ExprContext) -> Expr {
    let Expr { node, loc } = e;
    let node = match node {
        ExprKind::Name { id, .. } => ExprKind::Name { id, ctx },
        ExprKind::Attribute { value, attr, .. } => ExprKind::Attribute { value, attr, ctx },
        ExprKind::Subscript { value, slice, .. } => ExprKind::Subscript { value, slice, ctx },
        ExprKind::Starred { value, .. } => ExprKind::Starred {
            value: Box::new(set_ctx(*value, ctx)),
            ctx,
        },
        ExprKind::List { elts, .. } => ExprKind::List {
            elts: elts.into_iter().map(|x| set_ctx(x, ctx)).collect(),
            ctx,
        },
        ExprKind::Tuple { elts, .. } => ExprKind::Tuple {
            elts: elts.into_iter().map(|x| set_ctx(x, ctx)).collect(),
            ctx,
        },
        other => other,
    };
    Expr { node, loc }
}

fn hint_eligible(e: &Expr, parenthesized: bool) -> bool {
    match &e.node {
        ExprKind::List { .. }
        | ExprKind::Tuple { .. }
        | ExprKind::GeneratorExp { .. }
        | ExprKind::Constant {
            value: Constant::None | Constant::Bool(_),
            ..
        } => false,
        ExprKind::Compare { .. }
        | ExprKind::BoolOp { .. }
        | ExprKind::UnaryOp {
            op: UnaryOp::Not, ..
        }
        | ExprKind::IfExp { .. }
        | ExprKind::Lambda { .. }
        | ExprKind::NamedExpr { .. }
        | ExprKind::Yield { .. }
        | ExprKind::YieldFrom { .. }
        | ExprKind::Starred { .. } => parenthesized,
        _ => true,
    }
}

/// CPython's TARGETS_TYPE.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum TargetKind {
    Del,
    For,
}

fn l_end_eq(a: &Expr, b: &Expr) -> bool {
    a.loc.end_lineno == b.loc.end_lineno && a.loc.end_col_offset == b.loc.end_col_offset
}

fn target_error(bad: &Expr, verb: &str) -> PErr {
    PErr::syntax(
        format!("cannot {} {}", verb, expr_name(bad)),
        start_of(&bad.loc),
        end_of(&bad.loc),
    )
}

impl<'a> Parser<'a> {
    /// CPython's `RAISE_SYNTAX_ERROR_INVALID_TARGET` over the
    /// `star_expressions` from token `from`: the error for its first
    /// invalid target, if any (a look-ahead: the position is kept).
    pub(crate) fn invalid_target_from(&mut self, from: usize, kind: TargetKind) -> Option<PErr> {
        let save = (self.pos, self.prev_end);
        let seen = self.max_seen.get();
        let last_disj = self.last_disj;
        self.pos = from;
        let r = self.star_expressions();
        self.pos = save.0;
        self.prev_end = save.1;
        self.max_seen.set(seen);
        self.last_disj = last_disj;
        let e = r.ok()?;
        let bad = match kind {
            TargetKind::Del => invalid_target(&e, true),
            TargetKind::For => invalid_for_target(&e),
        }?;
        Some(target_error(
            bad,
            if kind == TargetKind::Del {
                "delete"
            } else {
                "assign to"
            },
        ))
    }

    pub fn to_store(&self, e: Expr) -> PResult<Expr> {
        if let Some(bad) = invalid_target(&e, false) {
            return Err(target_error(bad, "assign to"));
        }
        Ok(set_ctx(e, ExprContext::Store))
    }

    pub fn to_del(&self, e: Expr) -> PResult<Expr> {
        if let Some(bad) = invalid_target(&e, true) {
            return Err(target_error(bad, "delete"));
        }
        Ok(set_ctx(e, ExprContext::Del))
    }

    /// A target of `=` (the parser stands on that `=`). A bad target gets
    /// the "Maybe you meant '=='" hint when CPython's
    /// `invalid_named_expression` would match: it stands right before the
    /// `=`, is a `bitwise_or` (or parenthesised), and a `bitwise_or` not
    /// followed by another `=` comes after.
    /// Only the statement's first target (`first`) can get the hint.
    pub fn to_assign_target(&mut self, e: Expr, parenthesized: bool, first: bool) -> PResult<Expr> {
        let Some(bad) = invalid_target(&e, false) else {
            return Ok(set_ctx(e, ExprContext::Store));
        };
        let is_whole = std::ptr::eq(bad, &e);
        if is_whole
            && !parenthesized
            && matches!(e.node, ExprKind::Yield { .. } | ExprKind::YieldFrom { .. })
        {
            return Err(PErr::syntax(
                "assignment to yield expression not possible",
                start_of(&bad.loc),
                end_of(&bad.loc),
            ));
        }
        let last_elt = matches!(&e.node, ExprKind::Tuple { elts, .. }
            if elts.last().is_some_and(|l| std::ptr::eq(l, bad)) && l_end_eq(&e, bad));
        let bad_paren = if is_whole {
            parenthesized
        } else {
            self.src_has_paren_at(&bad.loc)
        };
        if first
            && (is_whole || last_elt)
            && hint_eligible(bad, bad_paren)
            && self.rhs_is_single_bitwise_or()
        {
            return Err(PErr::syntax(
                format!(
                    "cannot assign to {} here. Maybe you meant '==' instead of '='?",
                    expr_name(bad)
                ),
                start_of(&bad.loc),
                end_of(&bad.loc),
            ));
        }
        Err(target_error(bad, "assign to"))
    }

    /// CPython's `invalid_named_expression` on the elements of a
    /// statement's first expression (`stmt_pos`), which its error pass
    /// tries (`invalid_assignment`) before reporting a bad assignment
    /// target further on: `x = 1 if y else z = 2` is "Maybe you meant '=='
    /// or ':='" at `x = 1`, `a.b = c == d = e` "cannot assign to attribute
    /// here" at `a.b`.
    pub(crate) fn statement_start_hint(&mut self, stmt_pos: usize) -> Option<PErr> {
        let save = (self.pos, self.prev_end);
        let seen = self.max_seen.get();
        let last_disj = self.last_disj;
        self.pos = stmt_pos;
        let mut found = None;
        loop {
            let elem = self.pos;
            // NAME '=' bitwise_or !('=' | ':=')
            if self.at_name() && self.nth_is_op(1, "=") {
                let start = self.start();
                self.bump();
                if let Some(end) = self.rhs_bitwise_or_end() {
                    found = Some(PErr::syntax(
                        "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
                        start,
                        end,
                    ));
                    break;
                }
            }
            // !(list | tuple | genexp | True | None | False)
            //     bitwise_or '=' bitwise_or !('=' | ':=')
            self.pos = elem;
            if !self.starts_with_display() {
                self.pos = elem;
                if let Ok(a) = self.bitwise_or() {
                    if self.at_op("=") && self.rhs_bitwise_or_end().is_some() {
                        found = Some(PErr::syntax(
                            format!(
                                "cannot assign to {} here. Maybe you meant '==' instead of '='?",
                                expr_name(&a)
                            ),
                            start_of(&a.loc),
                            end_of(&a.loc),
                        ));
                        break;
                    }
                }
            }
            // The next element of a tuple.
            self.pos = elem;
            if self.star_named_expression().is_err() || !self.eat_op(",") {
                break;
            }
            if !self.starts_expression() {
                break;
            }
        }
        self.pos = save.0;
        self.prev_end = save.1;
        self.max_seen.set(seen);
        self.last_disj = last_disj;
        found
    }

    /// Whether a list or tuple display, a generator expression or
    /// True/None/False starts here (the parser position moves).
    fn starts_with_display(&mut self) -> bool {
        let t = self.tok().clone();
        if t.kind == TokenKind::Name && matches!(t.text.as_str(), "True" | "None" | "False") {
            return true;
        }
        if !(self.at_op("[") || self.at_op("(")) {
            return false;
        }
        match self.atom() {
            Ok(a) => match &a.node {
                ExprKind::List { .. } | ExprKind::GeneratorExp { .. } | ExprKind::Tuple { .. } => {
                    true
                }
                _ => false,
            },
            Err(_) => false,
        }
    }

    /// Standing on `=`: the end of the `bitwise_or` after it, when no
    /// further `=` / `:=` follows (the parser position is kept).
    fn rhs_bitwise_or_end(&mut self) -> Option<Pos> {
        let save = (self.pos, self.prev_end);
        let seen = self.max_seen.get();
        self.bump();
        let mut ok = self.bitwise_or().is_ok();
        if !ok {
            self.pos = save.0 + 1;
            ok = self.primary().is_ok();
        }
        let end = self.prev_end;
        let ok = ok && !self.at_op("=") && !self.at_op(":=");
        self.pos = save.0;
        self.prev_end = save.1;
        self.max_seen.set(seen);
        ok.then_some(end)
    }

    /// After `=`: a `bitwise_or` follows and no further `=` / `:=`.
    fn rhs_is_single_bitwise_or(&mut self) -> bool {
        let save = (self.pos, self.prev_end);
        // A look-ahead only: CPython's error location must not move.
        let seen = self.max_seen.get();
        self.bump();
        // A PEG `bitwise_or` matches the longest valid prefix.
        let mut ok = self.bitwise_or().is_ok();
        if !ok {
            self.pos = save.0 + 1;
            ok = self.primary().is_ok();
        }
        let ok = ok && !self.at_op("=") && !self.at_op(":=");
        self.pos = save.0;
        self.prev_end = save.1;
        self.max_seen.set(seen);
        ok
    }

    /// Whether the expression at `l` was written inside parentheses.
    fn src_has_paren_at(&self, l: &Loc) -> bool {
        self.toks
            .iter()
            .position(|t| t.start.line == l.lineno && t.start.col == l.col_offset)
            .is_some_and(|i| i > 0 && self.toks[i - 1].text == "(")
    }

    pub fn ann_target(&self, e: Expr, parenthesized: bool) -> PResult<Expr> {
        match &e.node {
            ExprKind::Name { .. } | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => {
                Ok(set_ctx(e, ExprContext::Store))
            }
            ExprKind::List { .. } | ExprKind::Tuple { .. } => {
                // An unparenthesised tuple is reported at its first item.
                let at = match &e.node {
                    ExprKind::Tuple { elts, .. } if !parenthesized && !elts.is_empty() => {
                        elts[0].loc
                    }
                    _ => e.loc,
                };
                Err(PErr::syntax(
                    format!(
                        "only single target (not {}) can be annotated",
                        expr_name(&e)
                    ),
                    start_of(&at),
                    end_of(&at),
                ))
            }
            _ => Err(PErr::syntax(
                "illegal target for annotation",
                start_of(&e.loc),
                end_of(&e.loc),
            )),
        }
    }

    pub fn aug_target(&self, e: Expr) -> PResult<Expr> {
        match &e.node {
            ExprKind::Name { .. } | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => {
                Ok(set_ctx(e, ExprContext::Store))
            }
            _ => Err(PErr::syntax(
                format!(
                    "'{}' is an illegal expression for augmented assignment",
                    expr_name(&e)
                ),
                start_of(&e.loc),
                end_of(&e.loc),
            )),
        }
    }
}
