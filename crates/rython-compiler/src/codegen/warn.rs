//! Compile-time `SyntaxWarning`s (CPython's `compiler_warn`): collected
//! while compiling and handed to the VM, which reports them.

use std::cell::RefCell;

use rython_parser::ast::{Constant, Expr, ExprKind, Loc};

thread_local! {
    static WARNINGS: RefCell<Vec<(Loc, String)>> = const { RefCell::new(Vec::new()) };
}

/// A warning located at `loc` (where the SyntaxError goes when the
/// warnings filter turns it into an error).
pub(crate) fn warn(loc: Loc, msg: String) {
    WARNINGS.with(|w| w.borrow_mut().push((loc, msg)));
}

/// The warnings of the compilation that ran on this thread, in order.
pub(crate) fn take() -> Vec<(Loc, String)> {
    WARNINGS.with(|w| std::mem::take(&mut *w.borrow_mut()))
}

fn constant_type(c: &Constant) -> &'static str {
    match c {
        Constant::None => "NoneType",
        Constant::Bool(_) => "bool",
        Constant::Int(_) => "int",
        Constant::Float(_) => "float",
        Constant::Complex { .. } => "complex",
        Constant::Str(_) => "str",
        Constant::Bytes(_) => "bytes",
        Constant::Tuple(_) => "tuple",
        Constant::FrozenSet(_) => "frozenset",
        Constant::Ellipsis => "ellipsis",
    }
}

/// CPython's `infer_type`: the type an expression surely evaluates to.
fn infer_type(e: &Expr) -> Option<&'static str> {
    Some(match &e.node {
        ExprKind::Tuple { .. } => "tuple",
        ExprKind::List { .. } | ExprKind::ListComp { .. } => "list",
        ExprKind::Dict { .. } | ExprKind::DictComp { .. } => "dict",
        ExprKind::Set { .. } | ExprKind::SetComp { .. } => "set",
        ExprKind::GeneratorExp { .. } => "generator",
        ExprKind::Lambda { .. } => "function",
        ExprKind::JoinedStr { .. } | ExprKind::FormattedValue { .. } => "str",
        ExprKind::Constant { value, .. } => constant_type(value),
        _ => return None,
    })
}

/// `check_caller`: calling a literal.
pub(crate) fn check_caller(e: &Expr) {
    let literal = matches!(
        &e.node,
        ExprKind::Constant { .. }
            | ExprKind::Tuple { .. }
            | ExprKind::List { .. }
            | ExprKind::ListComp { .. }
            | ExprKind::Dict { .. }
            | ExprKind::DictComp { .. }
            | ExprKind::Set { .. }
            | ExprKind::SetComp { .. }
            | ExprKind::GeneratorExp { .. }
            | ExprKind::JoinedStr { .. }
            | ExprKind::FormattedValue { .. }
    );
    if let (true, Some(t)) = (literal, infer_type(e)) {
        warn(
            e.loc,
            format!("'{t}' object is not callable; perhaps you missed a comma?"),
        );
    }
}

/// `check_subscripter` and `check_index` of a loaded `value[index]`.
pub(crate) fn check_subscript(value: &Expr, index: &Expr) {
    let not_subscriptable = match &value.node {
        ExprKind::Constant { value: c, .. } => matches!(
            c,
            Constant::None
                | Constant::Ellipsis
                | Constant::Int(_)
                | Constant::Bool(_)
                | Constant::Float(_)
                | Constant::Complex { .. }
        ),
        ExprKind::Set { .. }
        | ExprKind::SetComp { .. }
        | ExprKind::GeneratorExp { .. }
        | ExprKind::Lambda { .. } => true,
        _ => false,
    };
    if not_subscriptable {
        if let Some(t) = infer_type(value) {
            warn(
                value.loc,
                format!("'{t}' object is not subscriptable; perhaps you missed a comma?"),
            );
        }
        return;
    }
    let Some(index_type) = infer_type(index) else {
        return;
    };
    if matches!(index_type, "int" | "bool") {
        return;
    }
    let sequence = match &value.node {
        ExprKind::Constant { value: c, .. } => {
            matches!(
                c,
                Constant::Str(_) | Constant::Bytes(_) | Constant::Tuple(_)
            )
        }
        ExprKind::Tuple { .. }
        | ExprKind::List { .. }
        | ExprKind::ListComp { .. }
        | ExprKind::JoinedStr { .. }
        | ExprKind::FormattedValue { .. } => true,
        _ => false,
    };
    if let (true, Some(t)) = (sequence, infer_type(value)) {
        warn(
            value.loc,
            format!(
                "{t} indices must be integers or slices, not {index_type}; perhaps you missed a comma?"
            ),
        );
    }
}

/// CPython's `check_is_arg`: whether `e` may be an operand of `is`
/// without a warning (anything but a constant other than None, True,
/// False and Ellipsis, after constant folding).
fn is_arg_type(folder: &crate::fold::Folder, e: &Expr) -> Option<&'static str> {
    match folder.fold(e)? {
        Constant::None | Constant::Bool(_) | Constant::Ellipsis => None,
        c => Some(constant_type(&c)),
    }
}

/// CPython's `check_compare`: `x is 1`, `x is not ()` and the like; at
/// most one warning per comparison chain.
pub(crate) fn check_compare(
    folder: &crate::fold::Folder,
    loc: Loc,
    left: &Expr,
    ops: &[rython_parser::ast::CmpOp],
    comparators: &[Expr],
) {
    use rython_parser::ast::CmpOp;
    let mut left_type = is_arg_type(folder, left);
    for (op, right) in ops.iter().zip(comparators) {
        let right_type = is_arg_type(folder, right);
        if matches!(op, CmpOp::Is | CmpOp::IsNot) {
            if let Some(t) = left_type.or(right_type) {
                let msg = if *op == CmpOp::Is {
                    format!("\"is\" with '{t}' literal. Did you mean \"==\"?")
                } else {
                    format!("\"is not\" with '{t}' literal. Did you mean \"!=\"?")
                };
                warn(loc, msg);
                return;
            }
        }
        left_type = right_type;
    }
}
