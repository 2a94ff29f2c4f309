//! Scope analysis (CPython's Python/symtable.c): one pass collects, per
//! scope, how each name is used; a second pass decides whether each name is
//! local, global, free or a cell. Scopes are keyed by the address of the AST
//! node that opens them, so codegen can find them while walking the same tree.

use crate::error::CompileError;
use rython_parser::ast::*;
use std::collections::{HashMap, HashSet};

pub const DEF_GLOBAL: u32 = 1;
pub const DEF_LOCAL: u32 = 2;
pub const DEF_PARAM: u32 = 4;
pub const DEF_NONLOCAL: u32 = 8;
pub const USE: u32 = 16;
pub const DEF_FREE_CLASS: u32 = 64;
pub const DEF_IMPORT: u32 = 128;
pub const DEF_ANNOT: u32 = 256;
pub const DEF_COMP_ITER: u32 = 512;
pub const DEF_TYPE_PARAM: u32 = 1024;
pub const DEF_COMP_CELL: u32 = 2048;
pub const DEF_BOUND: u32 = DEF_LOCAL | DEF_PARAM | DEF_IMPORT;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    Unknown,
    Local,
    GlobalExplicit,
    GlobalImplicit,
    Free,
    Cell,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BlockType {
    Module,
    Class,
    Function,
    Annotation,
    TypeAlias,
    TypeParameters,
    TypeVarBound,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CompKind {
    List,
    Set,
    Dict,
    Gen,
}

pub type ScopeId = usize;

#[derive(Debug)]
pub struct Symbol {
    pub flags: u32,
    pub scope: Scope,
}

#[derive(Debug)]
pub struct ScopeInfo {
    pub name: String,
    pub typ: BlockType,
    /// Names in order of first mention, as CPython's `ste_symbols` dict.
    pub order: Vec<String>,
    pub symbols: HashMap<String, Symbol>,
    pub varnames: Vec<String>,
    pub children: Vec<ScopeId>,
    pub directives: HashMap<String, Loc>,
    pub nested: bool,
    pub generator: bool,
    pub coroutine: bool,
    pub comprehension: Option<CompKind>,
    pub comp_inlined: bool,
    pub varargs: bool,
    pub varkeywords: bool,
    pub returns_value: bool,
    pub needs_class_closure: bool,
    pub needs_classdict: bool,
    pub can_see_class_scope: bool,
    pub comp_iter_target: bool,
    pub comp_iter_expr: u32,
    pub lineno: u32,
    /// For a class: the name used to mangle `__private` names.
    pub mangle_class: Option<String>,
}

impl ScopeInfo {
    pub fn is_function_like(&self) -> bool {
        !matches!(self.typ, BlockType::Module | BlockType::Class)
    }
    pub fn flags(&self, name: &str) -> u32 {
        self.symbols.get(name).map_or(0, |s| s.flags)
    }
    pub fn scope(&self, name: &str) -> Scope {
        self.symbols.get(name).map_or(Scope::Unknown, |s| s.scope)
    }
}

pub struct SymbolTable {
    pub scopes: Vec<ScopeInfo>,
    pub by_node: HashMap<usize, ScopeId>,
    /// `from __future__ import annotations` seen.
    pub future_annotations: bool,
    /// Position (line, column) of the last leading `from __future__`
    /// import (CPython's `ff_location`).
    pub future_loc: Option<(u32, u32)>,
}

/// A scope's key: the address of the node that opens it. Keys that need a
/// second scope for one node (a type parameter's bound and default) add 1,
/// which no node address can equal since nodes are aligned.
pub fn node_key<T>(node: &T) -> usize {
    node as *const T as usize
}

/// CPython's `_Py_Mangle`.
pub fn mangle(private: Option<&str>, name: &str) -> String {
    let Some(cls) = private else {
        return name.to_string();
    };
    if !name.starts_with("__") || name.ends_with("__") || name.contains('.') {
        return name.to_string();
    }
    let stripped = cls.trim_start_matches('_');
    if stripped.is_empty() {
        return name.to_string();
    }
    format!("_{stripped}{name}")
}

/// Recursion bound of the AST walks (CPython compiles 5000-deep operator
/// chains and fails at 10000 with RecursionError).
pub const MAX_DEPTH: u32 = 6000;
pub const RECURSION_MSG: &str = "maximum recursion depth exceeded during compilation";

struct Builder<'a> {
    t: SymbolTable,
    stack: Vec<ScopeId>,
    private: Option<String>,
    depth: u32,
    _src: &'a str,
}

type R = Result<(), CompileError>;

pub fn build(module: &Mod, src: &str) -> Result<SymbolTable, CompileError> {
    let mut b = Builder {
        t: SymbolTable {
            scopes: vec![],
            by_node: HashMap::new(),
            future_annotations: false,
            future_loc: None,
        },
        stack: vec![],
        private: None,
        depth: 0,
        _src: src,
    };
    future_parse(&mut b.t, module)?;
    b.enter("top", BlockType::Module, node_key(module), 0);
    match module {
        Mod::Module { body } | Mod::Interactive { body } => {
            for s in body {
                b.stmt(s)?;
            }
        }
        Mod::Expression { body } => b.expr(body)?,
    }
    b.stack.pop();
    let mut t = b.t;
    analyze(&mut t)?;
    Ok(t)
}

/// CPython's future.c: the leading `from __future__ import ...` statements
/// (after an optional docstring) select features.
fn future_parse(t: &mut SymbolTable, module: &Mod) -> R {
    let (Mod::Module { body } | Mod::Interactive { body }) = module else {
        return Ok(());
    };
    let skip = match body.first().map(|s| &s.node) {
        Some(StmtKind::Expr { value }) => matches!(
            &value.node,
            ExprKind::Constant {
                value: Constant::Str(_),
                ..
            }
        ),
        _ => false,
    } as usize;
    for s in body.iter().skip(skip) {
        let StmtKind::ImportFrom {
            module: Some(m),
            names,
            level: 0,
        } = &s.node
        else {
            break;
        };
        if m != "__future__" {
            break;
        }
        for a in names {
            let known = matches!(
                a.name.as_str(),
                "nested_scopes"
                    | "generators"
                    | "division"
                    | "absolute_import"
                    | "with_statement"
                    | "print_function"
                    | "unicode_literals"
                    | "barry_as_FLUFL"
                    | "generator_stop"
                    | "annotations"
            );
            if !known {
                // Reported with a start position only.
                let l = Loc {
                    end_lineno: s.loc.lineno,
                    end_col_offset: u32::MAX,
                    ..s.loc
                };
                if a.name == "braces" {
                    return Err(err("not a chance".into(), l));
                }
                return Err(err(format!("future feature {} is not defined", a.name), l));
            }
            if a.name == "annotations" {
                t.future_annotations = true;
            }
        }
        t.future_loc = Some((s.loc.lineno, s.loc.col_offset));
    }
    Ok(())
}

fn err(msg: String, loc: Loc) -> CompileError {
    CompileError {
        msg,
        loc,
        symtable: true,
    }
}

impl<'a> Builder<'a> {
    fn cur(&mut self) -> &mut ScopeInfo {
        let id = *self.stack.last().expect("scope");
        &mut self.t.scopes[id]
    }

    fn enter(&mut self, name: &str, typ: BlockType, key: usize, lineno: u32) -> ScopeId {
        let id = self.t.scopes.len();
        // A scope opened inside a comprehension's iterable expression
        // (a lambda, a nested comprehension) inherits that state.
        let comp_iter_expr = self
            .stack
            .last()
            .map(|&p| self.t.scopes[p].comp_iter_expr)
            .unwrap_or(0);
        let nested = self
            .stack
            .last()
            .map(|&p| self.t.scopes[p].nested || self.t.scopes[p].is_function_like())
            .unwrap_or(false);
        self.t.scopes.push(ScopeInfo {
            name: name.to_string(),
            typ,
            order: vec![],
            symbols: HashMap::new(),
            varnames: vec![],
            children: vec![],
            directives: HashMap::new(),
            nested,
            generator: false,
            coroutine: false,
            comprehension: None,
            comp_inlined: false,
            varargs: false,
            varkeywords: false,
            returns_value: false,
            needs_class_closure: false,
            needs_classdict: false,
            can_see_class_scope: false,
            comp_iter_target: false,
            comp_iter_expr,
            lineno,
            mangle_class: None,
        });
        if let Some(&p) = self.stack.last() {
            self.t.scopes[p].children.push(id);
        }
        self.t.by_node.insert(key, id);
        self.stack.push(id);
        id
    }

    fn add_def_in(&mut self, id: ScopeId, name: &str, flag: u32, loc: Loc) -> R {
        let name = mangle(self.private.as_deref(), name);
        if flag & DEF_GLOBAL != 0 && id != 0 {
            // CPython records every `global` in the module's symbols too.
            let top = &mut self.t.scopes[0];
            match top.symbols.get_mut(&name) {
                Some(sym) => sym.flags |= DEF_GLOBAL,
                None => {
                    top.order.push(name.clone());
                    top.symbols.insert(
                        name.clone(),
                        Symbol {
                            flags: DEF_GLOBAL,
                            scope: Scope::Unknown,
                        },
                    );
                }
            }
        }
        let s = &mut self.t.scopes[id];
        let old = s.flags(&name);
        if flag & DEF_PARAM != 0 && old & DEF_PARAM != 0 {
            return Err(err(
                format!("duplicate argument '{name}' in function definition"),
                loc,
            ));
        }
        if flag & DEF_TYPE_PARAM != 0 && old & DEF_TYPE_PARAM != 0 {
            return Err(err(format!("duplicate type parameter '{name}'"), loc));
        }
        if flag & DEF_PARAM != 0 {
            s.varnames.push(name.clone());
        }
        let mut f = old | flag;
        if s.comp_iter_target {
            // An iteration variable of a comprehension that an assignment
            // expression of the same comprehension already bound.
            if f & (DEF_GLOBAL | DEF_NONLOCAL) != 0 {
                return Err(err(
                    format!(
                        "comprehension inner loop cannot rebind assignment expression target '{name}'"
                    ),
                    loc,
                ));
            }
            f |= DEF_COMP_ITER;
        }
        match s.symbols.get_mut(&name) {
            Some(sym) => sym.flags = f,
            None => {
                s.order.push(name.clone());
                s.symbols.insert(
                    name.clone(),
                    Symbol {
                        flags: f,
                        scope: Scope::Unknown,
                    },
                );
            }
        }
        let _ = &name;
        Ok(())
    }

    fn add_def(&mut self, name: &str, flag: u32, loc: Loc) -> R {
        let id = *self.stack.last().expect("scope");
        // The comprehension iteration target may not be rebound by walrus.
        if flag & DEF_LOCAL != 0 && self.t.scopes[id].comp_iter_expr > 0 {
            // handled by namedexpr checks
        }
        self.add_def_in(id, name, flag, loc)
    }

    fn guard(&mut self, loc: Loc) -> R {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(err(RECURSION_MSG.into(), loc));
        }
        Ok(())
    }

    fn stmts(&mut self, b: &[Stmt]) -> R {
        for s in b {
            self.stmt(s)?;
        }
        Ok(())
    }

    fn stmt(&mut self, s: &Stmt) -> R {
        self.guard(s.loc)?;
        let r = self.stmt_inner(s);
        self.depth -= 1;
        r
    }

    fn args_defaults(&mut self, a: &Arguments) -> R {
        for d in &a.defaults {
            self.expr(d)?;
        }
        for d in a.kw_defaults.iter().flatten() {
            self.expr(d)?;
        }
        Ok(())
    }

    fn params(&mut self, a: &Arguments) -> R {
        for p in a.posonlyargs.iter().chain(&a.args) {
            self.add_def(&p.arg, DEF_PARAM, p.loc)?;
        }
        for p in &a.kwonlyargs {
            self.add_def(&p.arg, DEF_PARAM, p.loc)?;
        }
        if let Some(v) = &a.vararg {
            self.add_def(&v.arg, DEF_PARAM, v.loc)?;
            self.cur().varargs = true;
        }
        if let Some(v) = &a.kwarg {
            self.add_def(&v.arg, DEF_PARAM, v.loc)?;
            self.cur().varkeywords = true;
        }
        Ok(())
    }

    fn annotations(&mut self, a: &Arguments, returns: Option<&Expr>) -> R {
        let all = a
            .posonlyargs
            .iter()
            .chain(&a.args)
            .chain(a.vararg.as_deref())
            .chain(&a.kwonlyargs)
            .chain(a.kwarg.as_deref());
        for p in all {
            if let Some(an) = &p.annotation {
                self.annotation(an)?;
            }
        }
        if let Some(r) = returns {
            self.annotation(r)?;
        }
        Ok(())
    }

    fn annotation(&mut self, e: &Expr) -> R {
        if self.t.future_annotations {
            return Ok(());
        }
        self.expr(e)
    }

    fn type_params_block(&mut self, name: &str, key: usize, loc: Loc, is_class: bool) -> R {
        let in_class = self.t.scopes[*self.stack.last().unwrap()].typ == BlockType::Class;
        self.enter(name, BlockType::TypeParameters, key, loc.lineno);
        if in_class {
            self.cur().can_see_class_scope = true;
            self.add_def("__classdict__", USE, loc)?;
        }
        if is_class {
            self.add_def(".type_params", DEF_LOCAL, loc)?;
            self.add_def(".generic_base", DEF_LOCAL, loc)?;
        }
        Ok(())
    }

    fn type_params(&mut self, tps: &[TypeParam]) -> R {
        for tp in tps {
            let (name, bound, default) = match &tp.node {
                TypeParamKind::TypeVar {
                    name,
                    bound,
                    default_value,
                } => (name, bound.as_deref(), default_value.as_deref()),
                TypeParamKind::ParamSpec {
                    name,
                    default_value,
                } => (name, None, default_value.as_deref()),
                TypeParamKind::TypeVarTuple {
                    name,
                    default_value,
                } => (name, None, default_value.as_deref()),
            };
            self.add_def(name, DEF_TYPE_PARAM | DEF_LOCAL, tp.loc)?;
            if let Some(b) = bound {
                self.lazy_block(name, b, tp.loc, node_key(tp))?;
            }
            if let Some(d) = default {
                self.lazy_block(name, d, tp.loc, node_key(tp) + 1)?;
            }
        }
        Ok(())
    }

    fn lazy_block(&mut self, name: &str, e: &Expr, loc: Loc, key: usize) -> R {
        let in_class = self.t.scopes[*self.stack.last().unwrap()].can_see_class_scope;
        self.enter(name, BlockType::TypeVarBound, key, loc.lineno);
        if in_class {
            self.cur().can_see_class_scope = true;
            self.add_def("__classdict__", USE, loc)?;
        }
        self.expr(e)?;
        self.stack.pop();
        Ok(())
    }

    fn stmt_inner(&mut self, s: &Stmt) -> R {
        match &s.node {
            StmtKind::FunctionDef(f) => {
                self.add_def(&f.name, DEF_LOCAL, s.loc)?;
                self.args_defaults(&f.args)?;
                for d in &f.decorator_list {
                    self.expr(d)?;
                }
                let generic = !f.type_params.is_empty();
                if generic {
                    let n = format!("<generic parameters of {}>", f.name);
                    self.type_params_block(&n, f.type_params.as_ptr() as usize + 2, s.loc, false)?;
                    // CPython tests the (always present) defaults list for NULL.
                    self.add_def(".defaults", DEF_PARAM, s.loc)?;
                    if f.args.kw_defaults.iter().any(|d| d.is_some()) {
                        self.add_def(".kwdefaults", DEF_PARAM, s.loc)?;
                    }
                    self.type_params(&f.type_params)?;
                }
                self.annotations(&f.args, f.returns.as_deref())?;
                self.enter(&f.name, BlockType::Function, node_key(&**f), s.loc.lineno);
                if f.is_async {
                    self.cur().coroutine = true;
                }
                self.params(&f.args)?;
                self.stmts(&f.body)?;
                self.stack.pop();
                if generic {
                    self.stack.pop();
                }
            }
            StmtKind::ClassDef(c) => {
                self.add_def(&c.name, DEF_LOCAL, s.loc)?;
                for d in &c.decorator_list {
                    self.expr(d)?;
                }
                let generic = !c.type_params.is_empty();
                let saved_private = self.private.clone();
                if generic {
                    let n = format!("<generic parameters of {}>", c.name);
                    self.type_params_block(&n, c.type_params.as_ptr() as usize + 2, s.loc, true)?;
                    self.private = Some(c.name.clone());
                    self.type_params(&c.type_params)?;
                }
                for b in &c.bases {
                    self.expr(b)?;
                }
                for k in &c.keywords {
                    self.expr(&k.value)?;
                }
                self.enter(&c.name, BlockType::Class, node_key(&**c), s.loc.lineno);
                self.cur().mangle_class = Some(c.name.clone());
                self.private = Some(c.name.clone());
                if generic {
                    self.add_def("__type_params__", DEF_LOCAL, s.loc)?;
                    self.add_def(".type_params", USE, s.loc)?;
                }
                self.stmts(&c.body)?;
                self.stack.pop();
                if generic {
                    self.stack.pop();
                }
                self.private = saved_private;
            }
            StmtKind::Return { value } => {
                if let Some(v) = value {
                    self.expr(v)?;
                    self.cur().returns_value = true;
                }
            }
            StmtKind::Delete { targets } => {
                for t in targets {
                    self.expr(t)?;
                }
            }
            StmtKind::Assign { targets, value } => {
                for t in targets {
                    self.expr(t)?;
                }
                self.expr(value)?;
            }
            StmtKind::TypeAlias {
                name,
                type_params,
                value,
            } => {
                self.expr(name)?;
                let n = match &name.node {
                    ExprKind::Name { id, .. } => id.clone(),
                    _ => String::new(),
                };
                let generic = !type_params.is_empty();
                if generic {
                    let tn = format!("<generic parameters of {n}>");
                    self.type_params_block(&tn, type_params.as_ptr() as usize + 2, s.loc, false)?;
                    self.type_params(type_params)?;
                }
                let in_class = self.t.scopes[*self.stack.last().unwrap()].typ == BlockType::Class
                    || self.t.scopes[*self.stack.last().unwrap()].can_see_class_scope;
                self.enter(&n, BlockType::TypeAlias, node_key(s), s.loc.lineno);
                if in_class {
                    self.cur().can_see_class_scope = true;
                    self.add_def("__classdict__", USE, value.loc)?;
                }
                self.expr(value)?;
                self.stack.pop();
                if generic {
                    self.stack.pop();
                }
            }
            StmtKind::AugAssign { target, value, .. } => {
                self.expr(target)?;
                self.expr(value)?;
            }
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
                simple,
            } => {
                if let ExprKind::Name { id, .. } = &target.node {
                    let m = mangle(self.private.as_deref(), id);
                    let cur = self.cur().flags(&m);
                    if cur & (DEF_GLOBAL | DEF_NONLOCAL) != 0 && self.cur().symbols.contains_key(id)
                    {
                        let kind = if cur & DEF_GLOBAL != 0 {
                            "global"
                        } else {
                            "nonlocal"
                        };
                        if self.cur().directives.contains_key(id) {
                            return Err(err(
                                format!("annotated name '{id}' can't be {kind}"),
                                s.loc,
                            ));
                        }
                    }
                    if *simple {
                        self.add_def(id, DEF_ANNOT | DEF_LOCAL, target.loc)?;
                    } else if value.is_some() {
                        self.add_def(id, DEF_LOCAL, target.loc)?;
                    }
                } else {
                    self.expr(target)?;
                }
                self.annotation(annotation)?;
                if let Some(v) = value {
                    self.expr(v)?;
                }
            }
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
                ..
            } => {
                self.expr(target)?;
                self.expr(iter)?;
                self.stmts(body)?;
                self.stmts(orelse)?;
            }
            StmtKind::While { test, body, orelse } | StmtKind::If { test, body, orelse } => {
                self.expr(test)?;
                self.stmts(body)?;
                self.stmts(orelse)?;
            }
            StmtKind::With { items, body, .. } => {
                for it in items {
                    self.expr(&it.context_expr)?;
                    if let Some(v) = &it.optional_vars {
                        self.expr(v)?;
                    }
                }
                self.stmts(body)?;
            }
            StmtKind::Match { subject, cases } => {
                self.expr(subject)?;
                for c in cases {
                    self.pattern(&c.pattern)?;
                    if let Some(g) = &c.guard {
                        self.expr(g)?;
                    }
                    self.stmts(&c.body)?;
                }
            }
            StmtKind::Raise { exc, cause } => {
                if let Some(e) = exc {
                    self.expr(e)?;
                }
                if let Some(c) = cause {
                    self.expr(c)?;
                }
            }
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
                ..
            } => {
                self.stmts(body)?;
                for h in handlers {
                    if let Some(t) = &h.type_ {
                        self.expr(t)?;
                    }
                    if let Some(n) = &h.name {
                        self.add_def(n, DEF_LOCAL, h.loc)?;
                    }
                    self.stmts(&h.body)?;
                }
                self.stmts(orelse)?;
                self.stmts(finalbody)?;
            }
            StmtKind::Assert { test, msg } => {
                self.expr(test)?;
                if let Some(m) = msg {
                    self.expr(m)?;
                }
            }
            StmtKind::Import { names } => {
                for a in names {
                    self.import_alias(a, s.loc)?;
                }
            }
            StmtKind::ImportFrom { names, .. } => {
                for a in names {
                    self.import_alias(a, s.loc)?;
                }
            }
            StmtKind::Global { names } => {
                for n in names {
                    let n2 = mangle(self.private.as_deref(), n);
                    let cur = self.cur().flags(&n2);
                    if cur & (DEF_PARAM | DEF_LOCAL | USE | DEF_ANNOT) != 0 {
                        let msg = if cur & DEF_PARAM != 0 {
                            format!("name '{n}' is parameter and global")
                        } else if cur & USE != 0 {
                            format!("name '{n}' is used prior to global declaration")
                        } else if cur & DEF_ANNOT != 0 {
                            format!("annotated name '{n}' can't be global")
                        } else {
                            format!("name '{n}' is assigned to before global declaration")
                        };
                        return Err(err(msg, s.loc));
                    }
                    self.add_def(n, DEF_GLOBAL, s.loc)?;
                    self.cur().directives.entry(n2).or_insert(s.loc);
                }
            }
            StmtKind::Nonlocal { names } => {
                for n in names {
                    let n2 = mangle(self.private.as_deref(), n);
                    let cur = self.cur().flags(&n2);
                    if cur & (DEF_PARAM | DEF_LOCAL | USE | DEF_ANNOT) != 0 {
                        let msg = if cur & DEF_PARAM != 0 {
                            format!("name '{n}' is parameter and nonlocal")
                        } else if cur & USE != 0 {
                            format!("name '{n}' is used prior to nonlocal declaration")
                        } else if cur & DEF_ANNOT != 0 {
                            format!("annotated name '{n}' can't be nonlocal")
                        } else {
                            format!("name '{n}' is assigned to before nonlocal declaration")
                        };
                        return Err(err(msg, s.loc));
                    }
                    self.add_def(n, DEF_NONLOCAL, s.loc)?;
                    self.cur().directives.entry(n2).or_insert(s.loc);
                }
            }
            StmtKind::Expr { value } => self.expr(value)?,
            StmtKind::Pass | StmtKind::Break | StmtKind::Continue => {}
        }
        Ok(())
    }

    fn import_alias(&mut self, a: &Alias, loc: Loc) -> R {
        let stored = match &a.asname {
            Some(n) => n.clone(),
            None => a.name.split('.').next().unwrap_or("").to_string(),
        };
        if stored == "*" {
            if self.cur().typ != BlockType::Module {
                return Err(err("import * only allowed at module level".into(), a.loc));
            }
            return Ok(());
        }
        let _ = loc;
        self.add_def(&stored, DEF_IMPORT, a.loc)
    }

    fn pattern(&mut self, p: &Pattern) -> R {
        self.guard(p.loc)?;
        match &p.node {
            PatternKind::MatchValue { value } => self.expr(value)?,
            PatternKind::MatchSingleton { .. } => {}
            PatternKind::MatchSequence { patterns } | PatternKind::MatchOr { patterns } => {
                for q in patterns {
                    self.pattern(q)?;
                }
            }
            PatternKind::MatchStar { name } => {
                if let Some(n) = name {
                    self.add_def(n, DEF_LOCAL, p.loc)?;
                }
            }
            PatternKind::MatchMapping {
                keys,
                patterns,
                rest,
            } => {
                for k in keys {
                    self.expr(k)?;
                }
                for q in patterns {
                    self.pattern(q)?;
                }
                if let Some(n) = rest {
                    self.add_def(n, DEF_LOCAL, p.loc)?;
                }
            }
            PatternKind::MatchClass {
                cls,
                patterns,
                kwd_patterns,
                ..
            } => {
                self.expr(cls)?;
                for q in patterns.iter().chain(kwd_patterns) {
                    self.pattern(q)?;
                }
            }
            PatternKind::MatchAs { pattern, name } => {
                if let Some(q) = pattern {
                    self.pattern(q)?;
                }
                if let Some(n) = name {
                    self.add_def(n, DEF_LOCAL, p.loc)?;
                }
            }
        }
        self.depth -= 1;
        Ok(())
    }

    fn expr(&mut self, e: &Expr) -> R {
        self.guard(e.loc)?;
        let r = self.expr_inner(e);
        self.depth -= 1;
        r
    }

    fn expr_inner(&mut self, e: &Expr) -> R {
        match &e.node {
            ExprKind::NamedExpr { target, value } => {
                if self.cur().comp_iter_expr > 0 {
                    return Err(err(
                        "assignment expression cannot be used in a comprehension iterable expression".into(),
                        e.loc,
                    ));
                }
                if self.cur().comprehension.is_some() {
                    self.extend_namedexpr_scope(target)?;
                }
                self.expr(value)?;
                self.expr(target)?;
            }
            ExprKind::BoolOp { values, .. } => {
                for v in values {
                    self.expr(v)?;
                }
            }
            ExprKind::BinOp { left, right, .. } => {
                self.expr(left)?;
                self.expr(right)?;
            }
            ExprKind::UnaryOp { operand, .. } => self.expr(operand)?,
            ExprKind::Lambda { args, body } => {
                self.args_defaults(args)?;
                self.enter("lambda", BlockType::Function, node_key(e), e.loc.lineno);
                self.params(args)?;
                self.expr(body)?;
                self.stack.pop();
            }
            ExprKind::IfExp { test, body, orelse } => {
                self.expr(test)?;
                self.expr(body)?;
                self.expr(orelse)?;
            }
            ExprKind::Dict { keys, values } => {
                for k in keys.iter().flatten() {
                    self.expr(k)?;
                }
                for v in values {
                    self.expr(v)?;
                }
            }
            ExprKind::Set { elts } | ExprKind::List { elts, .. } | ExprKind::Tuple { elts, .. } => {
                for v in elts {
                    self.expr(v)?;
                }
            }
            ExprKind::ListComp { elt, generators } => {
                self.comprehension(e, "listcomp", CompKind::List, generators, elt, None)?
            }
            ExprKind::SetComp { elt, generators } => {
                self.comprehension(e, "setcomp", CompKind::Set, generators, elt, None)?
            }
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => self.comprehension(e, "dictcomp", CompKind::Dict, generators, key, Some(value))?,
            ExprKind::GeneratorExp { elt, generators } => {
                self.comprehension(e, "genexpr", CompKind::Gen, generators, elt, None)?
            }
            ExprKind::Await { value } => {
                self.check_annotation_block("await expression", e.loc)?;
                self.expr(value)?;
                self.cur().coroutine = true;
            }
            ExprKind::Yield { value } => {
                self.check_annotation_block("yield expression", e.loc)?;
                if let Some(v) = value {
                    self.expr(v)?;
                }
                self.cur().generator = true;
                self.check_comprehension_yield(e)?;
            }
            ExprKind::YieldFrom { value } => {
                self.check_annotation_block("yield expression", e.loc)?;
                self.expr(value)?;
                self.cur().generator = true;
                self.check_comprehension_yield(e)?;
            }
            ExprKind::Compare {
                left, comparators, ..
            } => {
                self.expr(left)?;
                for c in comparators {
                    self.expr(c)?;
                }
            }
            ExprKind::Call {
                func,
                args,
                keywords,
            } => {
                self.expr(func)?;
                for a in args {
                    self.expr(a)?;
                }
                for k in keywords {
                    self.expr(&k.value)?;
                }
            }
            ExprKind::FormattedValue {
                value, format_spec, ..
            } => {
                self.expr(value)?;
                if let Some(f) = format_spec {
                    self.expr(f)?;
                }
            }
            ExprKind::JoinedStr { values } => {
                for v in values {
                    self.expr(v)?;
                }
            }
            ExprKind::Constant { .. } => {}
            ExprKind::Attribute { value, .. } => self.expr(value)?,
            ExprKind::Subscript { value, slice, .. } => {
                self.expr(value)?;
                self.expr(slice)?;
            }
            ExprKind::Starred { value, .. } => self.expr(value)?,
            ExprKind::Slice { lower, upper, step } => {
                for x in [lower, upper, step].into_iter().flatten() {
                    self.expr(x)?;
                }
            }
            ExprKind::Name { id, ctx } => {
                let flag = if *ctx == ExprContext::Load {
                    USE
                } else {
                    DEF_LOCAL
                };
                self.add_def(id, flag, e.loc)?;
                if *ctx == ExprContext::Load && self.cur().is_function_like() && id == "super" {
                    self.add_def("__class__", USE, e.loc)?;
                }
            }
        }
        Ok(())
    }

    fn check_annotation_block(&mut self, what: &str, loc: Loc) -> R {
        let t = self.cur().typ;
        let m = match t {
            BlockType::Annotation => "annotation",
            BlockType::TypeVarBound => "TypeVar bound",
            BlockType::TypeAlias => "type alias",
            BlockType::TypeParameters => "type parameter",
            _ => return Ok(()),
        };
        Err(err(
            format!(
                "{what} cannot be used within {}",
                if t == BlockType::Annotation {
                    "an annotation".to_string()
                } else {
                    format!("a {m}")
                }
            ),
            loc,
        ))
    }

    fn check_comprehension_yield(&mut self, e: &Expr) -> R {
        if let Some(k) = self.cur().comprehension {
            let what = match k {
                CompKind::List => "list comprehension",
                CompKind::Set => "set comprehension",
                CompKind::Dict => "dict comprehension",
                CompKind::Gen => "generator expression",
            };
            return Err(err(format!("'yield' inside {what}"), e.loc));
        }
        Ok(())
    }

    fn extend_namedexpr_scope(&mut self, target: &Expr) -> R {
        let ExprKind::Name { id, .. } = &target.node else {
            return Ok(());
        };
        let name = mangle(self.private.as_deref(), id);
        for i in (0..self.stack.len()).rev() {
            let sid = self.stack[i];
            let s = &self.t.scopes[sid];
            if s.comprehension.is_some() {
                let f = s.flags(&name);
                if f & DEF_COMP_ITER != 0 && f & DEF_LOCAL != 0 {
                    return Err(err(
                        format!("assignment expression cannot rebind comprehension iteration variable '{id}'"),
                        target.loc,
                    ));
                }
                continue;
            }
            match s.typ {
                BlockType::Function => {
                    let f = if s.flags(&name) & DEF_GLOBAL != 0 { DEF_GLOBAL } else { DEF_NONLOCAL };
                    self.add_def(id, f, target.loc)?;
                    self.cur().directives.entry(name.clone()).or_insert(target.loc);
                    return self.add_def_in(sid, id, DEF_LOCAL, target.loc);
                }
                BlockType::Module => {
                    self.add_def(id, DEF_GLOBAL, target.loc)?;
                    return self.add_def_in(sid, id, DEF_GLOBAL, target.loc);
                }
                BlockType::Class => {
                    return Err(err(
                        "assignment expression within a comprehension cannot be used in a class body".into(),
                        target.loc,
                    ))
                }
                _ => {
                    return Err(err(
                        "assignment expression within a comprehension cannot be used within the definition of a generic".into(),
                        target.loc,
                    ))
                }
            }
        }
        Ok(())
    }

    fn comprehension(
        &mut self,
        e: &Expr,
        name: &str,
        kind: CompKind,
        gens: &[Comprehension],
        elt: &Expr,
        value: Option<&Expr>,
    ) -> R {
        let Some(first) = gens.first() else {
            return Ok(());
        };
        self.cur().comp_iter_expr += 1;
        self.expr(&first.iter)?;
        self.cur().comp_iter_expr -= 1;
        let is_gen = kind == CompKind::Gen;
        self.enter(
            &format!("<{name}>"),
            BlockType::Function,
            node_key(e),
            e.loc.lineno,
        );
        self.cur().comprehension = Some(kind);
        if first.is_async {
            self.cur().coroutine = true;
        }
        if is_gen {
            self.cur().generator = true;
        }
        self.add_def(".0", DEF_PARAM, e.loc)?;
        self.comp_target(&first.target)?;
        for c in &first.ifs {
            self.expr(c)?;
        }
        for g in &gens[1..] {
            self.comp_target(&g.target)?;
            self.cur().comp_iter_expr += 1;
            self.expr(&g.iter)?;
            self.cur().comp_iter_expr -= 1;
            for c in &g.ifs {
                self.expr(c)?;
            }
            if g.is_async {
                self.cur().coroutine = true;
            }
        }
        // CPython visits a dict comprehension's value before its key.
        if let Some(v) = value {
            self.expr(v)?;
        }
        self.expr(elt)?;
        let is_async = self.cur().coroutine && !is_gen;
        self.stack.pop();
        if is_async {
            // An async comprehension makes its enclosing scope a coroutine.
            let p = self.cur();
            let async_def = p.typ == BlockType::Function && p.coroutine;
            if !async_def && p.comprehension.is_none() {
                // CPython 3.13 raises this one in the compiler.
                return Err(CompileError::new(
                    "asynchronous comprehension outside of an asynchronous function",
                    e.loc,
                ));
            }
            p.coroutine = true;
        }
        Ok(())
    }

    fn comp_target(&mut self, t: &Expr) -> R {
        self.cur().comp_iter_target = true;
        let r = self.expr(t);
        self.cur().comp_iter_target = false;
        r
    }
}

// ---------------------------------------------------------------- analysis

type Set = HashSet<String>;

fn analyze(t: &mut SymbolTable) -> R {
    let mut free = Set::new();
    let mut global = Set::new();
    let mut tp = Set::new();
    analyze_block(t, 0, None, &mut free, &mut global, &mut tp, None, 0)
}

#[allow(clippy::too_many_arguments)]
fn analyze_block(
    t: &mut SymbolTable,
    id: ScopeId,
    bound: Option<&Set>,
    free: &mut Set,
    global: &mut Set,
    type_params: &mut Set,
    class_entry: Option<ScopeId>,
    depth: u32,
) -> R {
    if depth > MAX_DEPTH {
        return Err(err(RECURSION_MSG.into(), Loc::default()));
    }
    let mut scopes: HashMap<String, Scope> = HashMap::new();
    let mut local = Set::new();
    let mut newglobal = Set::new();
    let mut newfree = Set::new();
    let mut newbound = Set::new();
    let is_class = t.scopes[id].typ == BlockType::Class;
    if is_class {
        newglobal.extend(global.iter().cloned());
        if let Some(b) = bound {
            newbound.extend(b.iter().cloned());
        }
    }
    let order = t.scopes[id].order.clone();
    for name in &order {
        let flags = t.scopes[id].flags(name);
        let sc = analyze_name(
            t,
            id,
            name,
            flags,
            bound,
            &mut local,
            free,
            global,
            type_params,
            class_entry,
        )?;
        scopes.insert(name.clone(), sc);
    }
    if !is_class {
        if t.scopes[id].is_function_like() {
            newbound.extend(local.iter().cloned());
        }
        if let Some(b) = bound {
            newbound.extend(b.iter().cloned());
        }
        newglobal.extend(global.iter().cloned());
    } else {
        newbound.insert("__class__".into());
        newbound.insert("__classdict__".into());
    }
    let mut inlined_cells = Set::new();
    let children = t.scopes[id].children.clone();
    let mut spliced = vec![];
    for c in children {
        let new_class_entry = if t.scopes[c].can_see_class_scope {
            if is_class {
                Some(id)
            } else {
                class_entry
            }
        } else {
            None
        };
        let inline = t.scopes[c].comprehension.is_some()
            && t.scopes[c].comprehension != Some(CompKind::Gen)
            && !t.scopes[id].can_see_class_scope;
        let tb = newbound.clone();
        let mut tf = newfree.clone();
        let mut tg = newglobal.clone();
        let mut ttp = type_params.clone();
        analyze_block(
            t,
            c,
            Some(&tb),
            &mut tf,
            &mut tg,
            &mut ttp,
            new_class_entry,
            depth + 1,
        )?;
        let mut child_free = tf;
        if inline {
            inline_comprehension(t, id, c, &mut scopes, &mut child_free, &mut inlined_cells);
            t.scopes[c].comp_inlined = true;
            spliced.extend(t.scopes[c].children.clone());
        }
        newfree.extend(child_free);
    }
    if t.scopes[id].is_function_like() {
        for (name, sc) in scopes.iter_mut() {
            if *sc != Scope::Local {
                continue;
            }
            if !newfree.contains(name) && !inlined_cells.contains(name) {
                continue;
            }
            *sc = Scope::Cell;
            newfree.remove(name);
        }
    } else if is_class {
        if newfree.remove("__class__") {
            t.scopes[id].needs_class_closure = true;
        }
        if newfree.remove("__classdict__") {
            t.scopes[id].needs_classdict = true;
        }
    }
    // update_symbols
    let classflag = is_class || t.scopes[id].can_see_class_scope;
    let s = &mut t.scopes[id];
    for name in &s.order {
        let sym = s.symbols.get_mut(name).expect("symbol");
        if inlined_cells.contains(name) {
            sym.flags |= DEF_COMP_CELL;
        }
        sym.scope = scopes.get(name).copied().unwrap_or(Scope::Unknown);
    }
    let mut fv: Vec<&String> = newfree.iter().collect();
    fv.sort();
    for name in fv {
        if let Some(sym) = s.symbols.get_mut(name) {
            if classflag {
                sym.flags |= DEF_FREE_CLASS;
            }
            continue;
        }
        if let Some(b) = bound {
            if !b.contains(name) {
                continue;
            }
        } else {
            continue;
        }
        s.order.push(name.clone());
        s.symbols.insert(
            name.clone(),
            Symbol {
                flags: 0,
                scope: Scope::Free,
            },
        );
    }
    free.extend(newfree);
    Ok(())
}

#[allow(clippy::too_many_arguments)]
fn analyze_name(
    t: &mut SymbolTable,
    id: ScopeId,
    name: &str,
    flags: u32,
    bound: Option<&Set>,
    local: &mut Set,
    free: &mut Set,
    global: &mut Set,
    type_params: &mut Set,
    class_entry: Option<ScopeId>,
) -> Result<Scope, CompileError> {
    let dloc = t.scopes[id]
        .directives
        .get(name)
        .copied()
        .unwrap_or_default();
    if flags & DEF_GLOBAL != 0 {
        if flags & DEF_NONLOCAL != 0 {
            return Err(err(format!("name '{name}' is nonlocal and global"), dloc));
        }
        global.insert(name.to_string());
        return Ok(Scope::GlobalExplicit);
    }
    if flags & DEF_NONLOCAL != 0 {
        let Some(b) = bound else {
            return Err(err(
                "nonlocal declaration not allowed at module level".into(),
                dloc,
            ));
        };
        if !b.contains(name) {
            return Err(err(format!("no binding for nonlocal '{name}' found"), dloc));
        }
        if type_params.contains(name) {
            return Err(err(
                format!("nonlocal binding not allowed for type parameter '{name}'"),
                dloc,
            ));
        }
        free.insert(name.to_string());
        return Ok(Scope::Free);
    }
    if flags & DEF_BOUND != 0 {
        local.insert(name.to_string());
        global.remove(name);
        if flags & DEF_TYPE_PARAM != 0 {
            type_params.insert(name.to_string());
        } else {
            type_params.remove(name);
        }
        return Ok(Scope::Local);
    }
    if let Some(ce) = class_entry {
        let cf = t.scopes[ce].flags(name);
        if cf & DEF_GLOBAL != 0 {
            return Ok(Scope::GlobalExplicit);
        } else if cf & DEF_BOUND != 0 && cf & DEF_NONLOCAL == 0 {
            return Ok(Scope::GlobalImplicit);
        }
    }
    if let Some(b) = bound {
        if b.contains(name) {
            free.insert(name.to_string());
            return Ok(Scope::Free);
        }
    }
    Ok(Scope::GlobalImplicit)
}

fn is_free_in_any_child(t: &SymbolTable, id: ScopeId, name: &str) -> bool {
    t.scopes[id]
        .children
        .iter()
        .any(|&c| t.scopes[c].scope(name) == Scope::Free)
}

fn inline_comprehension(
    t: &mut SymbolTable,
    id: ScopeId,
    comp: ScopeId,
    scopes: &mut HashMap<String, Scope>,
    comp_free: &mut Set,
    inlined_cells: &mut Set,
) {
    let order = t.scopes[comp].order.clone();
    let is_class = t.scopes[id].typ == BlockType::Class;
    for k in order {
        let (cflags, mut scope) = {
            let s = &t.scopes[comp].symbols[&k];
            (s.flags, s.scope)
        };
        if cflags & DEF_PARAM != 0 {
            continue;
        }
        if scope == Scope::Cell || cflags & DEF_COMP_CELL != 0 {
            inlined_cells.insert(k.clone());
        }
        if !t.scopes[id].symbols.contains_key(&k) {
            if scope == Scope::Free && is_class && k == "__class__" {
                scope = Scope::GlobalImplicit;
                comp_free.remove(&k);
            }
            let s = &mut t.scopes[id];
            s.order.push(k.clone());
            s.symbols.insert(
                k.clone(),
                Symbol {
                    flags: cflags,
                    scope: Scope::Unknown,
                },
            );
            scopes.insert(k.clone(), scope);
        } else {
            let ex = t.scopes[id].flags(&k);
            if ex & DEF_BOUND != 0 && !is_free_in_any_child(t, comp, &k) && !is_class {
                comp_free.remove(&k);
            }
        }
    }
}
