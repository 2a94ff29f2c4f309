//! Expression unparsing for `from __future__ import annotations` (CPython's
//! Python/ast_unparse.c): annotations are stored as their source text,
//! regenerated from the AST with minimal parentheses.

use crate::dis::const_repr;
use rython_parser::ast::*;

// Precedence levels, lowest first (as in ast_unparse.c).
const PR_TUPLE: u8 = 0;
const PR_TEST: u8 = 1;
const PR_OR: u8 = 2;
const PR_AND: u8 = 3;
const PR_NOT: u8 = 4;
const PR_CMP: u8 = 5;
const PR_BOR: u8 = 7;
const PR_BXOR: u8 = 8;
const PR_BAND: u8 = 9;
const PR_SHIFT: u8 = 10;
const PR_ARITH: u8 = 11;
const PR_TERM: u8 = 12;
const PR_FACTOR: u8 = 13;
const PR_POWER: u8 = 14;
const PR_AWAIT: u8 = 15;
const PR_ATOM: u8 = 16;

const MAX_DEPTH: u32 = 200;

pub fn unparse(e: &Expr) -> String {
    let mut out = String::new();
    go(e, PR_TEST, &mut out, 0);
    out
}

fn binop(op: Operator) -> (&'static str, u8) {
    use Operator::*;
    match op {
        Add => (" + ", PR_ARITH),
        Sub => (" - ", PR_ARITH),
        Mult => (" * ", PR_TERM),
        MatMult => (" @ ", PR_TERM),
        Div => (" / ", PR_TERM),
        Mod => (" % ", PR_TERM),
        FloorDiv => (" // ", PR_TERM),
        Pow => (" ** ", PR_POWER),
        LShift => (" << ", PR_SHIFT),
        RShift => (" >> ", PR_SHIFT),
        BitOr => (" | ", PR_BOR),
        BitXor => (" ^ ", PR_BXOR),
        BitAnd => (" & ", PR_BAND),
    }
}

fn cmpop(op: CmpOp) -> &'static str {
    use CmpOp::*;
    match op {
        Eq => " == ",
        NotEq => " != ",
        Lt => " < ",
        LtE => " <= ",
        Gt => " > ",
        GtE => " >= ",
        Is => " is ",
        IsNot => " is not ",
        In => " in ",
        NotIn => " not in ",
    }
}

fn seq(v: &[Expr], out: &mut String, d: u32) {
    for (i, x) in v.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        go(x, PR_TEST, out, d);
    }
}

fn go(e: &Expr, level: u8, out: &mut String, d: u32) {
    if d > MAX_DEPTH {
        out.push_str("...");
        return;
    }
    let d = d + 1;
    let paren = |out: &mut String, need: bool, f: &mut dyn FnMut(&mut String)| {
        if need {
            out.push('(');
        }
        f(out);
        if need {
            out.push(')');
        }
    };
    match &e.node {
        ExprKind::Name { id, .. } => out.push_str(id),
        ExprKind::Constant { value, .. } => match value {
            Constant::Ellipsis => out.push_str("..."),
            Constant::Float(f) if f.is_infinite() => {
                out.push_str(if *f > 0.0 { "1e309" } else { "-1e309" })
            }
            Constant::Complex { real, imag } if real.is_infinite() || imag.is_infinite() => {
                out.push_str(&const_repr(value).replace("inf", "1e309"))
            }
            _ => out.push_str(&const_repr(value)),
        },
        ExprKind::Attribute { value, attr, .. } => {
            // `1 .real` needs the space.
            let is_int = matches!(
                &value.node,
                ExprKind::Constant {
                    value: Constant::Int(_),
                    ..
                }
            );
            go(value, PR_ATOM, out, d);
            out.push_str(if is_int { " ." } else { "." });
            out.push_str(attr);
        }
        ExprKind::Subscript { value, slice, .. } => {
            go(value, PR_ATOM, out, d);
            out.push('[');
            match &slice.node {
                ExprKind::Tuple { elts, .. } if !elts.is_empty() => {
                    seq(elts, out, d);
                    if elts.len() == 1 {
                        out.push(',');
                    }
                }
                _ => go(slice, PR_TUPLE, out, d),
            }
            out.push(']');
        }
        ExprKind::Slice { lower, upper, step } => {
            if let Some(l) = lower {
                go(l, PR_TEST, out, d);
            }
            out.push(':');
            if let Some(u) = upper {
                go(u, PR_TEST, out, d);
            }
            if let Some(s) = step {
                out.push(':');
                go(s, PR_TEST, out, d);
            }
        }
        ExprKind::Starred { value, .. } => {
            out.push('*');
            go(value, PR_BOR, out, d);
        }
        ExprKind::Tuple { elts, .. } => {
            if elts.is_empty() {
                out.push_str("()");
            } else {
                paren(out, level > PR_TUPLE, &mut |o| {
                    seq(elts, o, d);
                    if elts.len() == 1 {
                        o.push(',');
                    }
                });
            }
        }
        ExprKind::List { elts, .. } => {
            out.push('[');
            seq(elts, out, d);
            out.push(']');
        }
        ExprKind::Set { elts } => {
            if elts.is_empty() {
                out.push_str("{*()}");
            } else {
                out.push('{');
                seq(elts, out, d);
                out.push('}');
            }
        }
        ExprKind::Dict { keys, values } => {
            out.push('{');
            for (i, (k, v)) in keys.iter().zip(values).enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                match k {
                    Some(k) => {
                        go(k, PR_TEST, out, d);
                        out.push_str(": ");
                        go(v, PR_TEST, out, d);
                    }
                    None => {
                        out.push_str("**");
                        go(v, PR_BOR, out, d);
                    }
                }
            }
            out.push('}');
        }
        ExprKind::BinOp { left, op, right } => {
            let (s, pr) = binop(*op);
            let rassoc = *op == Operator::Pow;
            paren(out, level > pr, &mut |o| {
                go(left, if rassoc { pr + 1 } else { pr }, o, d);
                o.push_str(s);
                go(right, if rassoc { pr } else { pr + 1 }, o, d);
            });
        }
        ExprKind::UnaryOp { op, operand } => {
            let (s, pr) = match op {
                UnaryOp::Not => ("not ", PR_NOT),
                UnaryOp::Invert => ("~", PR_FACTOR),
                UnaryOp::UAdd => ("+", PR_FACTOR),
                UnaryOp::USub => ("-", PR_FACTOR),
            };
            paren(out, level > pr, &mut |o| {
                o.push_str(s);
                go(operand, pr, o, d);
            });
        }
        ExprKind::BoolOp { op, values } => {
            let (s, pr) = if *op == BoolOp::And {
                (" and ", PR_AND)
            } else {
                (" or ", PR_OR)
            };
            paren(out, level > pr, &mut |o| {
                for (i, v) in values.iter().enumerate() {
                    if i > 0 {
                        o.push_str(s);
                    }
                    go(v, pr + 1, o, d);
                }
            });
        }
        ExprKind::Compare {
            left,
            ops,
            comparators,
        } => {
            paren(out, level > PR_CMP, &mut |o| {
                go(left, PR_CMP + 1, o, d);
                for (op, c) in ops.iter().zip(comparators) {
                    o.push_str(cmpop(*op));
                    go(c, PR_CMP + 1, o, d);
                }
            });
        }
        ExprKind::IfExp { test, body, orelse } => {
            paren(out, level > PR_TEST, &mut |o| {
                go(body, PR_TEST + 1, o, d);
                o.push_str(" if ");
                go(test, PR_TEST + 1, o, d);
                o.push_str(" else ");
                go(orelse, PR_TEST, o, d);
            });
        }
        ExprKind::Call {
            func,
            args,
            keywords,
        } => {
            go(func, PR_ATOM, out, d);
            out.push('(');
            let mut first = true;
            for a in args {
                if !first {
                    out.push_str(", ");
                }
                first = false;
                go(a, PR_TEST, out, d);
            }
            for k in keywords {
                if !first {
                    out.push_str(", ");
                }
                first = false;
                match &k.arg {
                    Some(n) => {
                        out.push_str(n);
                        out.push('=');
                    }
                    None => out.push_str("**"),
                }
                go(&k.value, PR_TEST, out, d);
            }
            out.push(')');
        }
        ExprKind::Await { value } => paren(out, level > PR_AWAIT, &mut |o| {
            o.push_str("await ");
            go(value, PR_ATOM, o, d);
        }),
        ExprKind::Lambda { .. } => paren(out, level > PR_TEST, &mut |o| o.push_str("lambda: ...")),
        ExprKind::NamedExpr { target, value } => paren(out, level > PR_TUPLE, &mut |o| {
            go(target, PR_ATOM, o, d);
            o.push_str(" := ");
            go(value, PR_ATOM, o, d);
        }),
        ExprKind::JoinedStr { .. } | ExprKind::FormattedValue { .. } => out.push_str("f'...'"),
        _ => out.push_str("..."),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn annotations_unparse_like_cpython() {
        let src = "from __future__ import annotations\ndef f(a: dict[str, int | None], b: 'x', c: -1, d: a.b[1:2], e: (1, 2), g: tuple[int, ...], h: Callable[[int], str], i: (a or b) and not c, j: 2 ** -1, k: f(x, *y, z=1, **w)) -> list[int]: pass\n";
        let m = rython_parser::parse(src, rython_parser::Mode::Exec, "t").unwrap();
        let co = crate::compile(&m, src, "t", crate::Mode::Exec, 0).unwrap();
        let crate::ConstValue::Literal(rython_parser::ast::Constant::Tuple(t)) = co
            .consts
            .iter()
            .find(|c| matches!(c, crate::ConstValue::Literal(rython_parser::ast::Constant::Tuple(t)) if t.len() > 4))
            .unwrap()
        else {
            panic!()
        };
        let got: Vec<String> = t.iter().map(crate::dis::const_repr).collect();
        let want = [
            "'a'",
            "'dict[str, int | None]'",
            "'b'",
            "\"'x'\"",
            "'c'",
            "'-1'",
            "'d'",
            "'a.b[1:2]'",
            "'e'",
            "'(1, 2)'",
            "'g'",
            "'tuple[int, ...]'",
            "'h'",
            "'Callable[[int], str]'",
            "'i'",
            "'(a or b) and not c'",
            "'j'",
            "'2 ** (-1)'",
            "'k'",
            "'f(x, *y, z=1, **w)'",
            "'return'",
            "'list[int]'",
        ];
        assert_eq!(got, want);
    }
}
