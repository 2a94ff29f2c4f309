//! JSON dump of code objects, for tests that execute our bytecode on
//! CPython (see `tests/cpython_exec.py`).

use crate::{CodeObject, ConstValue};
use rython_parser::ast::Constant;

fn s(x: &str) -> String {
    let mut o = String::from("\"");
    for c in x.chars() {
        match c {
            '"' => o.push_str("\\\""),
            '\\' => o.push_str("\\\\"),
            c if (c as u32) < 0x20 || (0xd800..0xe000).contains(&(c as u32)) => {
                o.push_str(&format!("\\u{:04x}", c as u32))
            }
            c => o.push(c),
        }
    }
    o.push('"');
    o
}

fn konst(c: &Constant) -> String {
    match c {
        Constant::None => "{\"t\":\"none\"}".into(),
        Constant::Ellipsis => "{\"t\":\"ellipsis\"}".into(),
        Constant::Bool(b) => format!("{{\"t\":\"bool\",\"v\":{b}}}"),
        Constant::Int(i) => format!("{{\"t\":\"int\",\"v\":\"{i}\"}}"),
        Constant::Float(f) => format!("{{\"t\":\"float\",\"v\":\"{}\"}}", f.to_bits()),
        Constant::Complex { real, imag } => format!(
            "{{\"t\":\"complex\",\"r\":\"{}\",\"i\":\"{}\"}}",
            real.to_bits(),
            imag.to_bits()
        ),
        Constant::Str(x) => format!("{{\"t\":\"str\",\"v\":{}}}", s(x)),
        Constant::Bytes(b) => format!("{{\"t\":\"bytes\",\"v\":{:?}}}", b),
        Constant::Tuple(t) => format!(
            "{{\"t\":\"tuple\",\"v\":[{}]}}",
            t.iter().map(konst).collect::<Vec<_>>().join(",")
        ),
        Constant::FrozenSet(t) => format!(
            "{{\"t\":\"frozenset\",\"v\":[{}]}}",
            t.iter().map(konst).collect::<Vec<_>>().join(",")
        ),
    }
}

/// The code object tree as JSON (used by the test that runs our bytecode
/// on CPython itself, `tests/cpython_exec.py`).
#[doc(hidden)]
pub fn code_to_json(c: &CodeObject) -> String {
    let consts: Vec<String> = c
        .consts
        .iter()
        .map(|k| match k {
            ConstValue::Literal(l) => konst(l),
            ConstValue::Code(co) => format!("{{\"t\":\"code\",\"v\":{}}}", code_to_json(co)),
        })
        .collect();
    let names: Vec<String> = c.names.iter().map(|n| s(n)).collect();
    let lp: Vec<String> = c.localsplusnames.iter().map(|n| s(n)).collect();
    let pos: Vec<String> = c
        .positions
        .iter()
        .map(|p| {
            format!(
                "[{},{},{},{}]",
                p.lineno, p.end_lineno, p.col as i64, p.end_col as i64
            )
        })
        .collect();
    let ex: Vec<String> = c
        .exception_table
        .iter()
        .map(|e| {
            format!(
                "[{},{},{},{},{}]",
                e.start, e.end, e.target, e.depth, e.lasti as u8
            )
        })
        .collect();
    format!(
        "{{\"code\":{:?},\"consts\":[{}],\"names\":[{}],\"lp\":[{}],\"kinds\":{:?},\"argcount\":{},\"posonly\":{},\"kwonly\":{},\"stacksize\":{},\"flags\":{},\"name\":{},\"qualname\":{},\"firstlineno\":{},\"positions\":[{}],\"ex\":[{}]}}",
        c.code, consts.join(","), names.join(","), lp.join(","), c.localspluskinds, c.argcount, c.posonlyargcount, c.kwonlyargcount, c.stacksize, c.flags, s(&c.name), s(&c.qualname), c.firstlineno, pos.join(","), ex.join(",")
    )
}
