//! A printer that reproduces `ast.dump(tree, include_attributes=True)` of
//! CPython 3.13, so trees and positions can be compared with the oracle.

use crate::ast::*;

/// One dumped field value.
enum V {
    S(String),
    None,
    Empty,
}

struct Node {
    name: &'static str,
    fields: Vec<(&'static str, V)>,
    /// Constant and MatchSingleton show `value=None`.
    keep_none: bool,
}

impl Node {
    fn new(name: &'static str) -> Self {
        Node {
            name,
            fields: Vec::new(),
            keep_none: false,
        }
    }
    fn f(mut self, k: &'static str, v: String) -> Self {
        self.fields.push((k, V::S(v)));
        self
    }
    fn opt(mut self, k: &'static str, v: Option<String>) -> Self {
        self.fields.push((k, v.map(V::S).unwrap_or(V::None)));
        self
    }
    fn list(mut self, k: &'static str, v: Vec<String>) -> Self {
        if v.is_empty() {
            self.fields.push((k, V::Empty));
        } else {
            self.fields.push((k, V::S(format!("[{}]", v.join(", ")))));
        }
        self
    }
    fn finish(self, loc: Option<&Loc>) -> String {
        let mut args = Vec::new();
        for (k, v) in self.fields {
            match v {
                V::S(s) => args.push(format!("{}={}", k, s)),
                V::None if self.keep_none => args.push(format!("{}=None", k)),
                _ => {}
            }
        }
        if let Some(l) = loc {
            args.push(format!("lineno={}", l.lineno));
            args.push(format!("col_offset={}", l.col_offset));
            args.push(format!("end_lineno={}", l.end_lineno));
            args.push(format!("end_col_offset={}", l.end_col_offset));
        }
        format!("{}({})", self.name, args.join(", "))
    }
}

pub fn dump_mod(m: &Mod) -> String {
    match m {
        Mod::Module { body } => Node::new("Module").list("body", stmts(body)).finish(None),
        Mod::Interactive { body } => Node::new("Interactive")
            .list("body", stmts(body))
            .finish(None),
        Mod::Expression { body } => Node::new("Expression")
            .f("body", dump_expr(body))
            .finish(None),
    }
}

fn stmts(v: &[Stmt]) -> Vec<String> {
    v.iter().map(dump_stmt).collect()
}

fn exprs(v: &[Expr]) -> Vec<String> {
    v.iter().map(dump_expr).collect()
}

fn oe(e: &Option<Box<Expr>>) -> Option<String> {
    e.as_ref().map(|e| dump_expr(e))
}

fn strs(v: &[String]) -> Vec<String> {
    v.iter().map(|s| py_str(s)).collect()
}

pub fn dump_stmt(s: &Stmt) -> String {
    let n = match &s.node {
        StmtKind::FunctionDef(f) => Node::new(if f.is_async {
            "AsyncFunctionDef"
        } else {
            "FunctionDef"
        })
        .f("name", py_str(&f.name))
        .f("args", dump_args(&f.args))
        .list("body", stmts(&f.body))
        .list("decorator_list", exprs(&f.decorator_list))
        .opt("returns", oe(&f.returns))
        .list("type_params", f.type_params.iter().map(dump_tp).collect()),
        StmtKind::ClassDef(c) => Node::new("ClassDef")
            .f("name", py_str(&c.name))
            .list("bases", exprs(&c.bases))
            .list("keywords", c.keywords.iter().map(dump_kw).collect())
            .list("body", stmts(&c.body))
            .list("decorator_list", exprs(&c.decorator_list))
            .list("type_params", c.type_params.iter().map(dump_tp).collect()),
        StmtKind::Return { value } => Node::new("Return").opt("value", oe(value)),
        StmtKind::Delete { targets } => Node::new("Delete").list("targets", exprs(targets)),
        StmtKind::Assign { targets, value } => Node::new("Assign")
            .list("targets", exprs(targets))
            .f("value", dump_expr(value)),
        StmtKind::TypeAlias {
            name,
            type_params,
            value,
        } => Node::new("TypeAlias")
            .f("name", dump_expr(name))
            .list("type_params", type_params.iter().map(dump_tp).collect())
            .f("value", dump_expr(value)),
        StmtKind::AugAssign { target, op, value } => Node::new("AugAssign")
            .f("target", dump_expr(target))
            .f("op", format!("{:?}()", op))
            .f("value", dump_expr(value)),
        StmtKind::AnnAssign {
            target,
            annotation,
            value,
            simple,
        } => Node::new("AnnAssign")
            .f("target", dump_expr(target))
            .f("annotation", dump_expr(annotation))
            .opt("value", oe(value))
            .f("simple", (*simple as i32).to_string()),
        StmtKind::For {
            target,
            iter,
            body,
            orelse,
            is_async,
        } => Node::new(if *is_async { "AsyncFor" } else { "For" })
            .f("target", dump_expr(target))
            .f("iter", dump_expr(iter))
            .list("body", stmts(body))
            .list("orelse", stmts(orelse)),
        StmtKind::While { test, body, orelse } => Node::new("While")
            .f("test", dump_expr(test))
            .list("body", stmts(body))
            .list("orelse", stmts(orelse)),
        StmtKind::If { test, body, orelse } => Node::new("If")
            .f("test", dump_expr(test))
            .list("body", stmts(body))
            .list("orelse", stmts(orelse)),
        StmtKind::With {
            items,
            body,
            is_async,
        } => Node::new(if *is_async { "AsyncWith" } else { "With" })
            .list(
                "items",
                items
                    .iter()
                    .map(|i| {
                        Node::new("withitem")
                            .f("context_expr", dump_expr(&i.context_expr))
                            .opt("optional_vars", oe(&i.optional_vars))
                            .finish(None)
                    })
                    .collect(),
            )
            .list("body", stmts(body)),
        StmtKind::Match { subject, cases } => {
            Node::new("Match").f("subject", dump_expr(subject)).list(
                "cases",
                cases
                    .iter()
                    .map(|c| {
                        Node::new("match_case")
                            .f("pattern", dump_pat(&c.pattern))
                            .opt("guard", oe(&c.guard))
                            .list("body", stmts(&c.body))
                            .finish(None)
                    })
                    .collect(),
            )
        }
        StmtKind::Raise { exc, cause } => Node::new("Raise")
            .opt("exc", oe(exc))
            .opt("cause", oe(cause)),
        StmtKind::Try {
            body,
            handlers,
            orelse,
            finalbody,
            is_star,
        } => Node::new(if *is_star { "TryStar" } else { "Try" })
            .list("body", stmts(body))
            .list(
                "handlers",
                handlers
                    .iter()
                    .map(|h| {
                        Node::new("ExceptHandler")
                            .opt("type", oe(&h.type_))
                            .opt("name", h.name.as_ref().map(|n| py_str(n)))
                            .list("body", stmts(&h.body))
                            .finish(Some(&h.loc))
                    })
                    .collect(),
            )
            .list("orelse", stmts(orelse))
            .list("finalbody", stmts(finalbody)),
        StmtKind::Assert { test, msg } => Node::new("Assert")
            .f("test", dump_expr(test))
            .opt("msg", oe(msg)),
        StmtKind::Import { names } => {
            Node::new("Import").list("names", names.iter().map(dump_alias).collect())
        }
        StmtKind::ImportFrom {
            module,
            names,
            level,
        } => Node::new("ImportFrom")
            .opt("module", module.as_ref().map(|m| py_str(m)))
            .list("names", names.iter().map(dump_alias).collect())
            .f("level", level.to_string()),
        StmtKind::Global { names } => Node::new("Global").list("names", strs(names)),
        StmtKind::Nonlocal { names } => Node::new("Nonlocal").list("names", strs(names)),
        StmtKind::Expr { value } => Node::new("Expr").f("value", dump_expr(value)),
        StmtKind::Pass => Node::new("Pass"),
        StmtKind::Break => Node::new("Break"),
        StmtKind::Continue => Node::new("Continue"),
    };
    n.finish(Some(&s.loc))
}

fn dump_alias(a: &Alias) -> String {
    Node::new("alias")
        .f("name", py_str(&a.name))
        .opt("asname", a.asname.as_ref().map(|s| py_str(s)))
        .finish(Some(&a.loc))
}

fn dump_kw(k: &Keyword) -> String {
    Node::new("keyword")
        .opt("arg", k.arg.as_ref().map(|s| py_str(s)))
        .f("value", dump_expr(&k.value))
        .finish(Some(&k.loc))
}

fn dump_arg(a: &Arg) -> String {
    Node::new("arg")
        .f("arg", py_str(&a.arg))
        .opt("annotation", oe(&a.annotation))
        .finish(Some(&a.loc))
}

fn dump_args(a: &Arguments) -> String {
    Node::new("arguments")
        .list("posonlyargs", a.posonlyargs.iter().map(dump_arg).collect())
        .list("args", a.args.iter().map(dump_arg).collect())
        .opt("vararg", a.vararg.as_ref().map(|x| dump_arg(x)))
        .list("kwonlyargs", a.kwonlyargs.iter().map(dump_arg).collect())
        .list(
            "kw_defaults",
            a.kw_defaults
                .iter()
                .map(|d| d.as_ref().map(dump_expr).unwrap_or_else(|| "None".into()))
                .collect(),
        )
        .opt("kwarg", a.kwarg.as_ref().map(|x| dump_arg(x)))
        .list("defaults", exprs(&a.defaults))
        .finish(None)
}

fn dump_tp(t: &TypeParam) -> String {
    let n = match &t.node {
        TypeParamKind::TypeVar {
            name,
            bound,
            default_value,
        } => Node::new("TypeVar")
            .f("name", py_str(name))
            .opt("bound", oe(bound))
            .opt("default_value", oe(default_value)),
        TypeParamKind::ParamSpec {
            name,
            default_value,
        } => Node::new("ParamSpec")
            .f("name", py_str(name))
            .opt("default_value", oe(default_value)),
        TypeParamKind::TypeVarTuple {
            name,
            default_value,
        } => Node::new("TypeVarTuple")
            .f("name", py_str(name))
            .opt("default_value", oe(default_value)),
    };
    n.finish(Some(&t.loc))
}

fn dump_pat(p: &Pattern) -> String {
    let pats = |v: &[Pattern]| v.iter().map(dump_pat).collect::<Vec<_>>();
    let n = match &p.node {
        PatternKind::MatchValue { value } => Node::new("MatchValue").f("value", dump_expr(value)),
        PatternKind::MatchSingleton { value } => {
            let mut n = Node::new("MatchSingleton").f("value", const_repr(value));
            n.keep_none = true;
            n
        }
        PatternKind::MatchSequence { patterns } => {
            Node::new("MatchSequence").list("patterns", pats(patterns))
        }
        PatternKind::MatchMapping {
            keys,
            patterns,
            rest,
        } => Node::new("MatchMapping")
            .list("keys", exprs(keys))
            .list("patterns", pats(patterns))
            .opt("rest", rest.as_ref().map(|s| py_str(s))),
        PatternKind::MatchClass {
            cls,
            patterns,
            kwd_attrs,
            kwd_patterns,
        } => Node::new("MatchClass")
            .f("cls", dump_expr(cls))
            .list("patterns", pats(patterns))
            .list("kwd_attrs", strs(kwd_attrs))
            .list("kwd_patterns", pats(kwd_patterns)),
        PatternKind::MatchStar { name } => {
            Node::new("MatchStar").opt("name", name.as_ref().map(|s| py_str(s)))
        }
        PatternKind::MatchAs { pattern, name } => Node::new("MatchAs")
            .opt("pattern", pattern.as_ref().map(|x| dump_pat(x)))
            .opt("name", name.as_ref().map(|s| py_str(s))),
        PatternKind::MatchOr { patterns } => Node::new("MatchOr").list("patterns", pats(patterns)),
    };
    n.finish(Some(&p.loc))
}

fn ctx(c: &ExprContext) -> String {
    format!("{:?}()", c)
}

fn comps(v: &[Comprehension]) -> Vec<String> {
    v.iter()
        .map(|c| {
            Node::new("comprehension")
                .f("target", dump_expr(&c.target))
                .f("iter", dump_expr(&c.iter))
                .list("ifs", exprs(&c.ifs))
                .f("is_async", (c.is_async as i32).to_string())
                .finish(None)
        })
        .collect()
}

pub fn dump_expr(e: &Expr) -> String {
    let n = match &e.node {
        ExprKind::BoolOp { op, values } => Node::new("BoolOp")
            .f("op", format!("{:?}()", op))
            .list("values", exprs(values)),
        ExprKind::NamedExpr { target, value } => Node::new("NamedExpr")
            .f("target", dump_expr(target))
            .f("value", dump_expr(value)),
        ExprKind::BinOp { left, op, right } => Node::new("BinOp")
            .f("left", dump_expr(left))
            .f("op", format!("{:?}()", op))
            .f("right", dump_expr(right)),
        ExprKind::UnaryOp { op, operand } => Node::new("UnaryOp")
            .f("op", format!("{:?}()", op))
            .f("operand", dump_expr(operand)),
        ExprKind::Lambda { args, body } => Node::new("Lambda")
            .f("args", dump_args(args))
            .f("body", dump_expr(body)),
        ExprKind::IfExp { test, body, orelse } => Node::new("IfExp")
            .f("test", dump_expr(test))
            .f("body", dump_expr(body))
            .f("orelse", dump_expr(orelse)),
        ExprKind::Dict { keys, values } => Node::new("Dict")
            .list(
                "keys",
                keys.iter()
                    .map(|k| k.as_ref().map(dump_expr).unwrap_or_else(|| "None".into()))
                    .collect(),
            )
            .list("values", exprs(values)),
        ExprKind::Set { elts } => Node::new("Set").list("elts", exprs(elts)),
        ExprKind::ListComp { elt, generators } => Node::new("ListComp")
            .f("elt", dump_expr(elt))
            .list("generators", comps(generators)),
        ExprKind::SetComp { elt, generators } => Node::new("SetComp")
            .f("elt", dump_expr(elt))
            .list("generators", comps(generators)),
        ExprKind::DictComp {
            key,
            value,
            generators,
        } => Node::new("DictComp")
            .f("key", dump_expr(key))
            .f("value", dump_expr(value))
            .list("generators", comps(generators)),
        ExprKind::GeneratorExp { elt, generators } => Node::new("GeneratorExp")
            .f("elt", dump_expr(elt))
            .list("generators", comps(generators)),
        ExprKind::Await { value } => Node::new("Await").f("value", dump_expr(value)),
        ExprKind::Yield { value } => Node::new("Yield").opt("value", oe(value)),
        ExprKind::YieldFrom { value } => Node::new("YieldFrom").f("value", dump_expr(value)),
        ExprKind::Compare {
            left,
            ops,
            comparators,
        } => Node::new("Compare")
            .f("left", dump_expr(left))
            .list("ops", ops.iter().map(|o| format!("{:?}()", o)).collect())
            .list("comparators", exprs(comparators)),
        ExprKind::Call {
            func,
            args,
            keywords,
        } => Node::new("Call")
            .f("func", dump_expr(func))
            .list("args", exprs(args))
            .list("keywords", keywords.iter().map(dump_kw).collect()),
        ExprKind::FormattedValue {
            value,
            conversion,
            format_spec,
        } => Node::new("FormattedValue")
            .f("value", dump_expr(value))
            .f("conversion", conversion.to_string())
            .opt("format_spec", oe(format_spec)),
        ExprKind::JoinedStr { values } => Node::new("JoinedStr").list("values", exprs(values)),
        ExprKind::Constant { value, kind } => {
            let mut n = Node::new("Constant")
                .f("value", const_repr(value))
                .opt("kind", kind.as_ref().map(|k| py_str(k)));
            n.keep_none = false;
            n
        }
        ExprKind::Attribute {
            value,
            attr,
            ctx: c,
        } => Node::new("Attribute")
            .f("value", dump_expr(value))
            .f("attr", py_str(attr))
            .f("ctx", ctx(c)),
        ExprKind::Subscript {
            value,
            slice,
            ctx: c,
        } => Node::new("Subscript")
            .f("value", dump_expr(value))
            .f("slice", dump_expr(slice))
            .f("ctx", ctx(c)),
        ExprKind::Starred { value, ctx: c } => Node::new("Starred")
            .f("value", dump_expr(value))
            .f("ctx", ctx(c)),
        ExprKind::Name { id, ctx: c } => Node::new("Name").f("id", py_str(id)).f("ctx", ctx(c)),
        ExprKind::List { elts, ctx: c } => {
            Node::new("List").list("elts", exprs(elts)).f("ctx", ctx(c))
        }
        ExprKind::Tuple { elts, ctx: c } => Node::new("Tuple")
            .list("elts", exprs(elts))
            .f("ctx", ctx(c)),
        ExprKind::Slice { lower, upper, step } => Node::new("Slice")
            .opt("lower", oe(lower))
            .opt("upper", oe(upper))
            .opt("step", oe(step)),
    };
    n.finish(Some(&e.loc))
}

/// Python's `repr` of a constant.
pub fn const_repr(c: &Constant) -> String {
    match c {
        Constant::None => "None".into(),
        Constant::Bool(b) => if *b { "True" } else { "False" }.into(),
        Constant::Int(i) => i.to_string(),
        Constant::Float(f) => float_repr(*f),
        Constant::Complex { real, imag } => {
            let im = float_repr(*imag);
            let im = im.strip_suffix(".0").unwrap_or(&im).to_string();
            if *real == 0.0 && real.is_sign_positive() {
                format!("{}j", im)
            } else {
                let re = float_repr(*real);
                let re = re.strip_suffix(".0").unwrap_or(&re).to_string();
                let sign = if imag.is_sign_negative() { "" } else { "+" };
                format!("({}{}{}j)", re, sign, im)
            }
        }
        Constant::Str(s) => py_str(s),
        Constant::Bytes(b) => py_bytes(b),
        Constant::FrozenSet(v) => format!(
            "frozenset({{{}}})",
            v.iter().map(const_repr).collect::<Vec<_>>().join(", ")
        ),
        Constant::Tuple(v) => {
            if v.len() == 1 {
                format!("({},)", const_repr(&v[0]))
            } else {
                format!(
                    "({})",
                    v.iter().map(const_repr).collect::<Vec<_>>().join(", ")
                )
            }
        }
        Constant::Ellipsis => "Ellipsis".into(),
    }
}

/// Python's `repr(float)`: shortest round-trip digits, scientific notation
/// outside 1e-4 <= |x| < 1e16.
pub fn float_repr(f: f64) -> String {
    if f.is_nan() {
        return "nan".into();
    }
    if f.is_infinite() {
        return if f > 0.0 { "inf" } else { "-inf" }.into();
    }
    let e = format!("{:e}", f);
    let (mant, exp) = e.split_once('e').unwrap_or((&e, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let neg = mant.starts_with('-');
    let digits: String = mant.chars().filter(|c| c.is_ascii_digit()).collect();
    let sign = if neg { "-" } else { "" };
    if (-4..16).contains(&exp) {
        let point = exp + 1;
        let s = if point <= 0 {
            format!("0.{}{}", "0".repeat((-point) as usize), digits)
        } else if point as usize >= digits.len() {
            format!("{}{}.0", digits, "0".repeat(point as usize - digits.len()))
        } else {
            format!(
                "{}.{}",
                &digits[..point as usize],
                &digits[point as usize..]
            )
        };
        format!("{}{}", sign, s)
    } else {
        let m = if digits.len() > 1 {
            format!("{}.{}", &digits[..1], &digits[1..])
        } else {
            digits.clone()
        };
        format!(
            "{}{}e{}{:02}",
            sign,
            m,
            if exp < 0 { "-" } else { "+" },
            exp.abs()
        )
    }
}

fn printable(c: char) -> bool {
    crate::tokenizer::is_printable(c)
}

/// Python's `repr(str)`.
pub fn py_str(s: &str) -> String {
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
                out.push_str(&format!("\\x{:02x}", c as u32))
            }
            c if c.is_ascii() || printable(c) => out.push(c),
            c if (c as u32) < 0x100 => out.push_str(&format!("\\x{:02x}", c as u32)),
            c if (c as u32) < 0x10000 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push_str(&format!("\\U{:08x}", c as u32)),
        }
    }
    out.push(q);
    out
}

/// Python's `repr(bytes)`.
pub fn py_bytes(b: &[u8]) -> String {
    let q = if b.contains(&b'\'') && !b.contains(&b'"') {
        b'"'
    } else {
        b'\''
    };
    let mut out = String::from("b");
    out.push(q as char);
    for &c in b {
        match c {
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            c if c == q => {
                out.push('\\');
                out.push(c as char);
            }
            0x20..=0x7e => out.push(c as char),
            c => out.push_str(&format!("\\x{:02x}", c)),
        }
    }
    out.push(q as char);
    out
}
