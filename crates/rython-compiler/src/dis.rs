//! A `dis.dis`-style listing, formatted like CPython 3.13's (default
//! options: no offsets, labels for jump targets, exception table). Code
//! object addresses print as `0x0`.

use crate::code::{CodeObject, ConstValue, Position};
use crate::opcode::Opcode;
use rython_parser::ast::Constant;
use std::collections::BTreeMap;
use std::fmt::Write;

const NB_OPS: [&str; 26] = [
    "+", "&", "//", "<<", "@", "*", "%", "|", "**", ">>", "-", "/", "^", "+=", "&=", "//=", "<<=",
    "@=", "*=", "%=", "|=", "**=", ">>=", "-=", "/=", "^=",
];
const INTRINSIC1: [&str; 12] = [
    "INTRINSIC_1_INVALID",
    "INTRINSIC_PRINT",
    "INTRINSIC_IMPORT_STAR",
    "INTRINSIC_STOPITERATION_ERROR",
    "INTRINSIC_ASYNC_GEN_WRAP",
    "INTRINSIC_UNARY_POSITIVE",
    "INTRINSIC_LIST_TO_TUPLE",
    "INTRINSIC_TYPEVAR",
    "INTRINSIC_PARAMSPEC",
    "INTRINSIC_TYPEVARTUPLE",
    "INTRINSIC_SUBSCRIPT_GENERIC",
    "INTRINSIC_TYPEALIAS",
];
const INTRINSIC2: [&str; 6] = [
    "INTRINSIC_2_INVALID",
    "INTRINSIC_PREP_RERAISE_STAR",
    "INTRINSIC_TYPEVAR_WITH_BOUND",
    "INTRINSIC_TYPEVAR_WITH_CONSTRAINTS",
    "INTRINSIC_SET_FUNCTION_TYPE_PARAMS",
    "INTRINSIC_SET_TYPEPARAM_DEFAULT",
];
const CMP_OP: [&str; 6] = ["<", "<=", "==", "!=", ">", ">="];

/// Python's `repr` of a float.
pub fn float_repr(f: f64) -> String {
    if f.is_nan() {
        return "nan".into();
    }
    if f.is_infinite() {
        return if f > 0.0 { "inf".into() } else { "-inf".into() };
    }
    if f == 0.0 {
        return if f.is_sign_negative() {
            "-0.0".into()
        } else {
            "0.0".into()
        };
    }
    let e = format!("{:e}", f);
    let (mant, exp) = e.split_once('e').unwrap_or((&e, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let neg = mant.starts_with('-');
    let digits: String = mant.chars().filter(|c| c.is_ascii_digit()).collect();
    let sign = if neg { "-" } else { "" };
    if (-4..16).contains(&exp) {
        let n = digits.len() as i32;
        let s = if exp >= 0 {
            let int_len = exp + 1;
            if n <= int_len {
                format!("{}{}.0", digits, "0".repeat((int_len - n) as usize))
            } else {
                format!(
                    "{}.{}",
                    &digits[..int_len as usize],
                    &digits[int_len as usize..]
                )
            }
        } else {
            format!("0.{}{}", "0".repeat((-exp - 1) as usize), digits)
        };
        format!("{sign}{s}")
    } else {
        let m = if digits.len() > 1 {
            format!("{}.{}", &digits[..1], &digits[1..])
        } else {
            digits.clone()
        };
        let es = if exp < 0 {
            format!("-{:02}", -exp)
        } else {
            format!("+{:02}", exp)
        };
        format!("{sign}{m}e{es}")
    }
}

fn complex_part(f: f64) -> String {
    let r = float_repr(f);
    r.strip_suffix(".0").map(|s| s.to_string()).unwrap_or(r)
}

fn quote_str(s: &str, bytes: bool) -> String {
    let q = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::new();
    out.push(q);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == q => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                let _ = write!(out, "\\x{:02x}", c as u32);
            }
            c if bytes && (c as u32) >= 0x80 => {
                let _ = write!(out, "\\x{:02x}", c as u32);
            }
            c if (0x80..0xa0).contains(&(c as u32)) => {
                let _ = write!(out, "\\x{:02x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push(q);
    out
}

/// Python's `repr` of a constant.
pub fn const_repr(c: &Constant) -> String {
    match c {
        Constant::None => "None".into(),
        Constant::Bool(b) => if *b { "True" } else { "False" }.into(),
        Constant::Int(i) => i.to_string(),
        Constant::Float(f) => float_repr(*f),
        Constant::Complex { real, imag } => {
            if *real == 0.0 && real.is_sign_positive() {
                format!("{}j", complex_part(*imag))
            } else {
                let im = complex_part(*imag);
                let sign = if im.starts_with('-') { "" } else { "+" };
                format!("({}{}{}j)", complex_part(*real), sign, im)
            }
        }
        Constant::Str(s) => quote_str(s, false),
        Constant::Bytes(b) => {
            let s: String = b.iter().map(|&x| x as char).collect();
            format!("b{}", quote_str(&s, true))
        }
        Constant::FrozenSet(t) => format!(
            "frozenset({{{}}})",
            t.iter().map(const_repr).collect::<Vec<_>>().join(", ")
        ),
        Constant::Tuple(t) => {
            if t.len() == 1 {
                format!("({},)", const_repr(&t[0]))
            } else {
                format!(
                    "({})",
                    t.iter().map(const_repr).collect::<Vec<_>>().join(", ")
                )
            }
        }
        Constant::Ellipsis => "Ellipsis".into(),
    }
}

fn code_repr(c: &CodeObject) -> String {
    format!(
        "<code object {} at 0x0, file \"{}\", line {}>",
        c.name, c.filename, c.firstlineno
    )
}

fn cval_repr(c: &ConstValue) -> String {
    match c {
        ConstValue::Literal(l) => const_repr(l),
        ConstValue::Code(co) => code_repr(co),
    }
}

fn line_of(p: &Position) -> Option<u32> {
    if p.lineno == 0 && p.end_lineno == 0 {
        None
    } else {
        Some(p.lineno)
    }
}

struct Ins {
    off: usize,
    op: u8,
    arg: u32,
}

fn unpack(code: &CodeObject) -> Vec<Ins> {
    let mut v = vec![];
    let mut ext = 0u32;
    for (i, ch) in code.code.chunks(2).enumerate() {
        let (op, a) = (ch[0], ch.get(1).copied().unwrap_or(0) as u32);
        let arg = a | ext;
        ext = if op == Opcode::ExtendedArg as u8 {
            arg << 8
        } else {
            0
        };
        v.push(Ins { off: i, op, arg });
    }
    v
}

fn jump_target(op: Opcode, off: usize, arg: u32) -> Option<usize> {
    use Opcode::*;
    match op {
        JumpBackward | JumpBackwardNoInterrupt => Some((off + 1).saturating_sub(arg as usize)),
        JumpForward | PopJumpIfFalse | PopJumpIfTrue | PopJumpIfNone | PopJumpIfNotNone
        | ForIter | Send => Some(off + 1 + arg as usize),
        _ => None,
    }
}

fn disassemble_one(co: &CodeObject, out: &mut String) {
    let ins = unpack(co);
    let mut labels: Vec<usize> = vec![];
    for i in &ins {
        if let Some(o) = Opcode::from_u8(i.op) {
            if let Some(t) = jump_target(o, i.off, i.arg) {
                labels.push(t);
            }
        }
    }
    for e in &co.exception_table {
        labels.extend([e.start as usize, e.end as usize, e.target as usize]);
    }
    labels.sort();
    labels.dedup();
    let label_map: BTreeMap<usize, usize> = labels
        .iter()
        .enumerate()
        .map(|(i, &o)| (o, i + 1))
        .collect();
    let label_width = 4 + label_map.len().to_string().len();
    // Line starts.
    let mut starts: Vec<Option<Option<u32>>> = vec![None; ins.len()];
    let mut last: Option<Option<u32>> = None;
    for (i, p) in co.positions.iter().enumerate() {
        let l = line_of(p);
        if last != Some(l) {
            starts[i] = Some(l);
            last = Some(l);
        }
    }
    let maxline = starts
        .iter()
        .flatten()
        .flatten()
        .copied()
        .filter(|&l| l > 0)
        .max();
    let mut lw = match maxline {
        None => 0,
        Some(m) => 3.max(m.to_string().len()),
    };
    if lw > 0 && lw < 4 && starts.iter().any(|s| *s == Some(None)) {
        lw = 4;
    }
    for i in &ins {
        let start = starts.get(i.off).copied().flatten();
        if lw > 0 && start.is_some() && i.off > 0 {
            out.push('\n');
        }
        let mut fields: Vec<String> = vec![];
        if lw > 0 {
            match start {
                Some(Some(l)) => fields.push(format!("{:>lw$}", l)),
                Some(None) => fields.push(format!("{:>lw$}", "--")),
                None => fields.push(" ".repeat(lw)),
            }
        }
        match label_map.get(&i.off) {
            Some(l) => fields.push(format!("{:>label_width$}", format!("L{l}:"))),
            None => fields.push(" ".repeat(label_width)),
        }
        fields.push("   ".into());
        let Some(op) = Opcode::from_u8(i.op) else {
            fields.push(format!("<{}>", i.op));
            out.push_str(fields.join(" ").trim_end());
            out.push('\n');
            continue;
        };
        let name = op.name();
        fields.push(format!("{:<20}", name));
        if op.has_arg() && op != Opcode::WithExceptStart {
            let excess = name.len().saturating_sub(20);
            fields.push(format!("{:>w$}", i.arg, w = 5usize.saturating_sub(excess)));
            let r = argrepr(co, op, i, &label_map);
            if !r.is_empty() {
                fields.push(format!("({r})"));
            }
        }
        out.push_str(fields.join(" ").trim_end());
        out.push('\n');
    }
    if !co.exception_table.is_empty() {
        out.push_str("ExceptionTable:\n");
        for e in &co.exception_table {
            let l = |o: u32| label_map.get(&(o as usize)).copied().unwrap_or(0);
            let _ = writeln!(
                out,
                "  L{} to L{} -> L{} [{}]{}",
                l(e.start),
                l(e.end),
                l(e.target),
                e.depth,
                if e.lasti { " lasti" } else { "" }
            );
        }
    }
}

fn argrepr(co: &CodeObject, op: Opcode, i: &Ins, labels: &BTreeMap<usize, usize>) -> String {
    use Opcode::*;
    let name = |k: u32| co.names.get(k as usize).cloned().unwrap_or_default();
    let local = |k: u32| {
        co.localsplusnames
            .get(k as usize)
            .cloned()
            .unwrap_or_default()
    };
    let a = i.arg;
    match op {
        LoadConst | ReturnConst => co.consts.get(a as usize).map(cval_repr).unwrap_or_default(),
        LoadGlobal => format!(
            "{}{}",
            name(a >> 1),
            if a & 1 != 0 { " + NULL" } else { "" }
        ),
        LoadAttr => format!(
            "{}{}",
            name(a >> 1),
            if a & 1 != 0 { " + NULL|self" } else { "" }
        ),
        LoadSuperAttr => format!(
            "{}{}",
            name(a >> 2),
            if a & 1 != 0 { " + NULL|self" } else { "" }
        ),
        StoreName
        | DeleteName
        | StoreAttr
        | DeleteAttr
        | StoreGlobal
        | DeleteGlobal
        | LoadName
        | ImportName
        | ImportFrom
        | LoadFromDictOrGlobals => name(a),
        JumpForward
        | JumpBackward
        | JumpBackwardNoInterrupt
        | PopJumpIfFalse
        | PopJumpIfTrue
        | PopJumpIfNone
        | PopJumpIfNotNone
        | ForIter
        | Send => {
            let t = jump_target(op, i.off, a).unwrap_or(0);
            format!("to L{}", labels.get(&t).copied().unwrap_or(0))
        }
        LoadFastLoadFast | StoreFastLoadFast | StoreFastStoreFast => {
            format!("{}, {}", local(a >> 4), local(a & 15))
        }
        LoadFast | StoreFast | DeleteFast | LoadFastCheck | LoadFastAndClear | LoadDeref
        | StoreDeref | DeleteDeref | MakeCell | LoadFromDictOrDeref => local(a),
        CompareOp => {
            let c = CMP_OP.get((a >> 5) as usize).copied().unwrap_or("?");
            if a & 16 != 0 {
                format!("bool({c})")
            } else {
                c.to_string()
            }
        }
        ConvertValue => ["", "str", "repr", "ascii"]
            .get(a as usize)
            .copied()
            .unwrap_or("")
            .to_string(),
        SetFunctionAttribute => ["defaults", "kwdefaults", "annotations", "closure"]
            .iter()
            .enumerate()
            .filter(|(k, _)| a & (1 << k) != 0)
            .map(|(_, s)| *s)
            .collect::<Vec<_>>()
            .join(", "),
        BinaryOp => NB_OPS.get(a as usize).copied().unwrap_or("").to_string(),
        CallIntrinsic1 => INTRINSIC1
            .get(a as usize)
            .copied()
            .unwrap_or("")
            .to_string(),
        CallIntrinsic2 => INTRINSIC2
            .get(a as usize)
            .copied()
            .unwrap_or("")
            .to_string(),
        _ => String::new(),
    }
}

fn walk(co: &CodeObject, out: &mut String, depth: u32) {
    disassemble_one(co, out);
    if depth > 100 {
        return;
    }
    for c in &co.consts {
        if let ConstValue::Code(sub) = c {
            out.push('\n');
            let _ = writeln!(out, "Disassembly of {}:", code_repr(sub));
            walk(sub, out, depth + 1);
        }
    }
}

pub fn disassemble(code: &CodeObject) -> String {
    let mut out = String::new();
    walk(code, &mut out, 0);
    out
}
