//! Constant folding of the kinds CPython 3.13's Python/ast_opt.c performs,
//! with its size limits so that folding never builds huge constants.
//! The AST is borrowed immutably, so folding is computed on demand.

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive, Zero};
use rython_parser::ast::*;

const MAX_INT_SIZE: u64 = 128;
const MAX_COLLECTION_SIZE: usize = 256;
const MAX_STR_SIZE: usize = 4096;
const MAX_TOTAL_ITEMS: usize = 1024;
const MAX_DEPTH: u32 = crate::symtable::MAX_DEPTH;

pub struct Folder {
    pub optimize: u8,
}

impl Folder {
    pub fn fold(&self, e: &Expr) -> Option<Constant> {
        self.fold_d(e, 0)
    }

    fn fold_d(&self, e: &Expr, d: u32) -> Option<Constant> {
        if d > MAX_DEPTH {
            return None;
        }
        match &e.node {
            ExprKind::Constant { value, .. } => Some(value.clone()),
            ExprKind::Name {
                id,
                ctx: ExprContext::Load,
            } if id == "__debug__" => Some(Constant::Bool(self.optimize == 0)),
            ExprKind::UnaryOp { op, operand } => {
                let v = self.fold_d(operand, d + 1)?;
                unary(*op, &v)
            }
            ExprKind::BinOp { left, op, right } => {
                let l = self.fold_d(left, d + 1)?;
                let r = self.fold_d(right, d + 1)?;
                binop(&l, *op, &r)
            }
            ExprKind::Tuple {
                elts,
                ctx: ExprContext::Load,
            } => {
                let mut v = Vec::with_capacity(elts.len());
                for x in elts {
                    if matches!(x.node, ExprKind::Starred { .. }) {
                        return None;
                    }
                    v.push(self.fold_d(x, d + 1)?);
                }
                Some(Constant::Tuple(v))
            }
            ExprKind::Subscript {
                value,
                slice,
                ctx: ExprContext::Load,
            } => {
                let v = self.fold_d(value, d + 1)?;
                let i = self.fold_d(slice, d + 1)?;
                subscr(&v, &i)
            }
            _ => None,
        }
    }
}

pub fn truthy(c: &Constant) -> bool {
    match c {
        Constant::None => false,
        Constant::Bool(b) => *b,
        Constant::Int(i) => !i.is_zero(),
        Constant::Float(f) => *f != 0.0,
        Constant::Complex { real, imag } => *real != 0.0 || *imag != 0.0,
        Constant::Str(s) => !s.is_empty(),
        Constant::Bytes(b) => !b.is_empty(),
        Constant::Tuple(t) | Constant::FrozenSet(t) => !t.is_empty(),
        Constant::Ellipsis => true,
    }
}

fn as_int(c: &Constant) -> Option<BigInt> {
    match c {
        Constant::Bool(b) => Some(BigInt::from(*b as i32)),
        Constant::Int(i) => Some(i.clone()),
        _ => None,
    }
}

fn as_float(c: &Constant) -> Option<f64> {
    match c {
        Constant::Float(f) => Some(*f),
        _ => as_int(c).and_then(|i| i.to_f64()).filter(|f| f.is_finite()),
    }
}

fn unary(op: UnaryOp, v: &Constant) -> Option<Constant> {
    match op {
        UnaryOp::Not => Some(Constant::Bool(!truthy(v))),
        UnaryOp::USub => match v {
            Constant::Float(f) => Some(Constant::Float(-f)),
            Constant::Complex { real, imag } => Some(Constant::Complex {
                real: -real,
                imag: -imag,
            }),
            _ => as_int(v).map(|i| Constant::Int(-i)),
        },
        UnaryOp::UAdd => match v {
            Constant::Float(_) | Constant::Complex { .. } => Some(v.clone()),
            _ => as_int(v).map(Constant::Int),
        },
        // `~True` is deprecated (3.12+), but CPython still folds it: the
        // warning, issued while compiling, is ignored by the default filters
        // unless a Python caller of compile() is in `__main__`.
        UnaryOp::Invert => as_int(v).map(|i| Constant::Int(-i - 1)),
    }
}

fn bits(i: &BigInt) -> u64 {
    i.bits()
}

fn seq_len(c: &Constant) -> Option<usize> {
    match c {
        Constant::Str(s) => Some(s.chars().count()),
        Constant::Bytes(b) => Some(b.len()),
        Constant::Tuple(t) => Some(t.len()),
        _ => None,
    }
}

fn repeat(c: &Constant, n: &BigInt) -> Option<Constant> {
    let len = seq_len(c)?;
    let n = n.to_i64()?;
    let n = n.max(0) as usize;
    let limit = match c {
        Constant::Tuple(_) => MAX_COLLECTION_SIZE,
        _ => MAX_STR_SIZE,
    };
    if len > 0 && n > limit / len {
        return None;
    }
    Some(match c {
        Constant::Str(s) => Constant::Str(s.repeat(n)),
        Constant::Bytes(b) => Constant::Bytes(b.repeat(n)),
        Constant::Tuple(t) => {
            let mut v = Vec::new();
            for _ in 0..n {
                v.extend(t.iter().cloned());
            }
            if count_items(&v) > MAX_TOTAL_ITEMS {
                return None;
            }
            Constant::Tuple(v)
        }
        _ => return None,
    })
}

fn count_items(v: &[Constant]) -> usize {
    v.iter()
        .map(|c| match c {
            Constant::Tuple(t) => 1 + count_items(t),
            _ => 1,
        })
        .sum()
}

fn py_floordiv(a: &BigInt, b: &BigInt) -> BigInt {
    use num_integer::Integer;
    a.div_floor(b)
}

fn py_mod(a: &BigInt, b: &BigInt) -> BigInt {
    use num_integer::Integer;
    a.mod_floor(b)
}

/// Python's float `//` (floatobject.c `_float_div_mod`).
fn float_floordiv(vx: f64, wx: f64) -> f64 {
    let m = vx % wx;
    let div = (vx - m) / wx;
    let mut m2 = m;
    let mut div2 = div;
    if m2 != 0.0 && ((wx < 0.0) != (m2 < 0.0)) {
        m2 += wx;
        div2 -= 1.0;
    }
    let _ = m2;
    if div2 != 0.0 {
        let mut fd = div2.floor();
        if div2 - fd > 0.5 {
            fd += 1.0;
        }
        fd
    } else {
        0.0f64.copysign(vx / wx)
    }
}

fn float_mod(a: f64, b: f64) -> f64 {
    let m = a % b;
    if m != 0.0 {
        if (b < 0.0) != (m < 0.0) {
            m + b
        } else {
            m
        }
    } else {
        0.0f64.copysign(b)
    }
}

fn binop(l: &Constant, op: Operator, r: &Constant) -> Option<Constant> {
    use Operator::*;
    // Sequences.
    match (l, op, r) {
        (Constant::Str(a), Add, Constant::Str(b)) => {
            return (a.len() + b.len() <= MAX_STR_SIZE).then(|| Constant::Str(format!("{a}{b}")))
        }
        (Constant::Bytes(a), Add, Constant::Bytes(b)) => {
            return (a.len() + b.len() <= MAX_STR_SIZE)
                .then(|| Constant::Bytes([a.clone(), b.clone()].concat()))
        }
        (Constant::Tuple(a), Add, Constant::Tuple(b)) => {
            let v: Vec<Constant> = a.iter().chain(b).cloned().collect();
            return (v.len() <= MAX_COLLECTION_SIZE && count_items(&v) <= MAX_TOTAL_ITEMS)
                .then_some(Constant::Tuple(v));
        }
        (Constant::Str(_) | Constant::Bytes(_) | Constant::Tuple(_), Mult, _) => {
            return repeat(l, &as_int(r)?)
        }
        (_, Mult, Constant::Str(_) | Constant::Bytes(_) | Constant::Tuple(_)) => {
            return repeat(r, &as_int(l)?)
        }
        _ => {}
    }
    if seq_len(l).is_some() || seq_len(r).is_some() {
        return None;
    }
    if let (Constant::Bool(a), Constant::Bool(b)) = (l, r) {
        // bool's own &, |, ^ keep the bool type.
        match op {
            BitAnd => return Some(Constant::Bool(*a & *b)),
            BitOr => return Some(Constant::Bool(*a | *b)),
            BitXor => return Some(Constant::Bool(*a ^ *b)),
            _ => {}
        }
    }
    if let (Some(a), Some(b)) = (as_int(l), as_int(r)) {
        return int_binop(&a, op, &b);
    }
    if matches!(l, Constant::Complex { .. }) || matches!(r, Constant::Complex { .. }) {
        let c = |x: &Constant| match x {
            Constant::Complex { real, imag } => Some((*real, *imag)),
            _ => as_float(x).map(|f| (f, 0.0)),
        };
        let (ar, ai) = c(l)?;
        let (br, bi) = c(r)?;
        let (real, imag) = match op {
            Add => (ar + br, ai + bi),
            Sub => (ar - br, ai - bi),
            Mult => (ar * br - ai * bi, ar * bi + ai * br),
            _ => return None,
        };
        return Some(Constant::Complex { real, imag });
    }
    let a = as_float(l)?;
    let b = as_float(r)?;
    let v = match op {
        Add => a + b,
        Sub => a - b,
        Mult => a * b,
        Div if b != 0.0 => a / b,
        FloorDiv if b != 0.0 => float_floordiv(a, b),
        Mod if b != 0.0 => float_mod(a, b),
        Pow => {
            if a == 0.0 && b < 0.0 || a < 0.0 && b.fract() != 0.0 {
                return None;
            }
            a.powf(b)
        }
        _ => return None,
    };
    v.is_finite().then_some(Constant::Float(v))
}

fn int_binop(a: &BigInt, op: Operator, b: &BigInt) -> Option<Constant> {
    use Operator::*;
    let i = |x: BigInt| Some(Constant::Int(x));
    match op {
        Add => i(a + b),
        Sub => i(a - b),
        Mult => {
            if !a.is_zero() && !b.is_zero() && bits(a) + bits(b) > MAX_INT_SIZE {
                return None;
            }
            i(a * b)
        }
        FloorDiv if !b.is_zero() => i(py_floordiv(a, b)),
        Mod if !b.is_zero() => i(py_mod(a, b)),
        Div if !b.is_zero() => {
            // Only where the operands convert exactly; CPython rounds big
            // quotients correctly, which f64 division would not.
            if bits(a) > 53 || bits(b) > 53 {
                return None;
            }
            let (x, y) = (a.to_f64()?, b.to_f64()?);
            let v = x / y;
            v.is_finite().then_some(Constant::Float(v))
        }
        Pow => {
            if b.is_negative() {
                if a.is_zero() {
                    return None;
                }
                let v = a.to_f64()?.powf(b.to_f64()?);
                return v.is_finite().then_some(Constant::Float(v));
            }
            let e = b.to_u64()?;
            if !a.is_zero() && e > 0 && bits(a).saturating_mul(e) > MAX_INT_SIZE {
                return None;
            }
            i(num_traits::pow::pow(a.clone(), e as usize))
        }
        LShift => {
            if b.is_negative() {
                return None;
            }
            let n = b.to_u64()?;
            if !a.is_zero() && (n > MAX_INT_SIZE || bits(a) > MAX_INT_SIZE - n) {
                return None;
            }
            i(a << n as usize)
        }
        RShift => {
            if b.is_negative() {
                return None;
            }
            let n = b.to_u64().unwrap_or(u64::MAX).min(1 << 20);
            i(a >> n as usize)
        }
        BitAnd => i(a & b),
        BitOr => i(a | b),
        BitXor => i(a ^ b),
        _ => None,
    }
}

fn subscr(v: &Constant, idx: &Constant) -> Option<Constant> {
    let i = as_int(idx)?;
    if matches!(idx, Constant::Bool(_)) {
        return None;
    }
    let i = i.to_i64()?;
    let at = |len: usize| -> Option<usize> {
        let j = if i < 0 { i + len as i64 } else { i };
        (j >= 0 && (j as usize) < len).then_some(j as usize)
    };
    match v {
        Constant::Str(s) => {
            let n = s.chars().count();
            let j = at(n)?;
            s.chars().nth(j).map(|c| Constant::Str(c.to_string()))
        }
        Constant::Bytes(b) => at(b.len()).map(|j| Constant::Int(BigInt::from(b[j]))),
        Constant::Tuple(t) => at(t.len()).map(|j| t[j].clone()),
        _ => None,
    }
}
