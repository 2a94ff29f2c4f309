//! Code generation (CPython's Python/compile.c): walks the AST with the
//! symbol table and emits, per code object, an instruction sequence with
//! labels and pseudo instructions, which `flowgraph` and `assemble` finish.
//!
//! Deviations from CPython 3.13's bytecode (the VM must know these):
//! - No inline `CACHE` entries: jump arguments, exception-table offsets and
//!   `positions` count real code units only (`EXTENDED_ARG` units included).
//!   A jump's argument is relative to the unit after the jump (backward for
//!   `JUMP_BACKWARD*`); `FOR_ITER`/`SEND` target their `END_FOR`/`END_SEND`.
//! - `frozenset` constants do not exist (`ast::Constant` has no such
//!   variant): where CPython loads a frozenset constant (`x in {1, 2, 3}`,
//!   set displays of more than two constants) we emit `BUILD_SET` (+
//!   `SET_UPDATE` of a constant tuple) instead, so sets behave exactly as
//!   without the optimization.
//! - Exception-table entries (`code::ExceptionTableEntry`) are given in code
//!   units, not in CPython's varint encoding.
//! - A position whose column is unknown (CPython's `None`) has
//!   `col == end_col == u32::MAX`; an instruction without location has
//!   `lineno == end_lineno == 0` (the module's `RESUME` is line 0 with
//!   `end_lineno == 1`, as in CPython).
//! - `from __future__ import annotations` stringifies annotations with
//!   `unparse.rs` (CPython's ast_unparse.c rules); lambdas and f-strings
//!   inside annotations are not reproduced exactly.
//! - Top-level `await` (`PyCF_ALLOW_TOP_LEVEL_AWAIT`) is not supported.
//!
//! Known cosmetic differences (same semantics): in some control-flow shapes
//! CPython threads jumps or assigns line numbers to artificial jumps slightly
//! differently; see the crate tests for the listings that match exactly.

mod comprehension;
mod expr;
mod func;
mod pattern;
mod stmt;
pub(crate) mod warn;

use crate::code::{CodeObject, ConstValue};
use crate::error::CompileError;
use crate::flowgraph::{self as fg, op, Instr, Loc, Op, NO_LABEL, NO_LOC};
use crate::fold::Folder;
use crate::opcode::Opcode;
use crate::symtable::{self, BlockType, Scope, ScopeId, SymbolTable};
use crate::Mode;
use rython_parser::ast::{self, Constant, Expr, ExprContext, ExprKind, Mod, Stmt, StmtKind};
use std::collections::{HashMap, HashSet};

pub(crate) type R<T = ()> = Result<T, CompileError>;

pub(crate) const STACK_USE_GUIDELINE: usize = 30;
const MAX_NESTING: u32 = crate::symtable::MAX_DEPTH;
const MAX_BLOCKS: usize = 21;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ScopeType {
    Module,
    Class,
    Function,
    AsyncFunction,
    Lambda,
    Comprehension,
    TypeParams,
}

#[derive(Clone, Debug, PartialEq)]
pub(crate) enum FBlockKind<'a> {
    WhileLoop,
    ForLoop,
    TryExcept,
    FinallyTry(&'a [Stmt]),
    FinallyEnd,
    With,
    AsyncWith,
    HandlerCleanup(Option<String>),
    PopValue,
    ExceptionHandler,
    ExceptionGroupHandler,
    AsyncComprehensionGenerator,
    StopIteration,
}

#[derive(Clone, Debug)]
pub(crate) struct FBlock<'a> {
    pub kind: FBlockKind<'a>,
    pub block: usize,
    pub exit: usize,
    pub loc: Loc,
}

/// Insertion-ordered name table (CPython's `dict_add_o`).
#[derive(Default, Debug)]
pub(crate) struct Names {
    pub list: Vec<String>,
    pub map: HashMap<String, u32>,
}

impl Names {
    pub fn add(&mut self, n: &str) -> u32 {
        if let Some(&i) = self.map.get(n) {
            return i;
        }
        let i = self.list.len() as u32;
        self.list.push(n.to_string());
        self.map.insert(n.to_string(), i);
        i
    }
    pub fn get(&self, n: &str) -> Option<u32> {
        self.map.get(n).copied()
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum ConstKey {
    None,
    Ellipsis,
    Bool(bool),
    Int(String),
    Float(u64),
    Complex(u64, u64),
    Str(String),
    Bytes(Vec<u8>),
    Tuple(Vec<ConstKey>),
    FrozenSet(Vec<ConstKey>),
}

fn const_key(c: &Constant) -> ConstKey {
    match c {
        Constant::None => ConstKey::None,
        Constant::Ellipsis => ConstKey::Ellipsis,
        Constant::Bool(b) => ConstKey::Bool(*b),
        Constant::Int(i) => ConstKey::Int(i.to_string()),
        Constant::Float(f) => ConstKey::Float(f.to_bits()),
        Constant::Complex { real, imag } => ConstKey::Complex(real.to_bits(), imag.to_bits()),
        Constant::Str(s) => ConstKey::Str(s.clone()),
        Constant::Bytes(b) => ConstKey::Bytes(b.clone()),
        Constant::Tuple(t) => ConstKey::Tuple(t.iter().map(const_key).collect()),
        Constant::FrozenSet(t) => ConstKey::FrozenSet(t.iter().map(const_key).collect()),
    }
}

pub(crate) struct Unit<'a> {
    pub ste: ScopeId,
    pub scope_type: ScopeType,
    pub name: String,
    pub qualname: String,
    pub instrs: Vec<Instr>,
    pub labels: Vec<usize>,
    pub consts: Vec<ConstValue>,
    const_map: HashMap<ConstKey, u32>,
    pub names: Names,
    pub varnames: Names,
    pub cellvars: Names,
    pub freevars: Names,
    pub fasthidden: HashSet<String>,
    /// Symbol overrides while compiling an inlined comprehension.
    pub temp_scopes: HashMap<String, (u32, Scope)>,
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub firstlineno: u32,
    pub fblocks: Vec<FBlock<'a>>,
    pub in_inlined_comp: u32,
    pub private: Option<String>,
    pub static_attributes: Option<Vec<String>>,
    pub nparams: usize,
    /// Names ever made fast-hidden by an inlined comprehension.
    pub hidden_ever: HashSet<String>,
}

impl<'a> Unit<'a> {
    pub fn add_const(&mut self, c: Constant) -> u32 {
        let k = const_key(&c);
        if let Some(&i) = self.const_map.get(&k) {
            return i;
        }
        let i = self.consts.len() as u32;
        self.consts.push(ConstValue::Literal(c));
        self.const_map.insert(k, i);
        i
    }
}

pub(crate) struct Compiler<'a> {
    pub st: SymbolTable,
    pub units: Vec<Unit<'a>>,
    pub filename: String,
    pub optimize: u8,
    pub folder: Folder,
    pub depth: u32,
    pub interactive: bool,
    pub _src: &'a str,
}

pub(crate) fn loc_of(l: ast::Loc) -> Loc {
    Loc::from_ast(l)
}

pub fn compile_module<'a>(
    module: &'a Mod,
    source: &'a str,
    filename: &str,
    mode: Mode,
    optimize: u8,
) -> R<CodeObject> {
    let st = symtable::build(module, source)?;
    let mut c = Compiler {
        st,
        units: vec![],
        filename: filename.to_string(),
        optimize,
        folder: Folder { optimize },
        depth: 0,
        interactive: mode == Mode::Single,
        _src: source,
    };
    let key = symtable::node_key(module);
    c.enter_scope("<module>", ScopeType::Module, key, 1)?;
    let l = Loc {
        line: 0,
        end_line: 1,
        col: 0,
        end_col: 0,
    };
    match module {
        Mod::Module { body } => {
            let l = body.first().map_or(l, |s| loc_of(s.loc));
            c.body(l, body)?;
            c.emit_return_none()?;
        }
        Mod::Interactive { body } => {
            if find_ann(body) {
                c.emit(Opcode::SetupAnnotations, 0, l);
            }
            for s in body {
                c.stmt(s)?;
            }
            c.emit_return_none()?;
        }
        Mod::Expression { body } => {
            c.expr(body)?;
            c.emit(Opcode::ReturnValue, 0, NO_LOC);
        }
    }
    c.exit_scope_code()
}

pub(crate) fn find_ann(body: &[Stmt]) -> bool {
    fn go(body: &[Stmt], d: u32) -> bool {
        if d > 200 {
            return false;
        }
        body.iter().any(|s| match &s.node {
            StmtKind::AnnAssign { .. } => true,
            StmtKind::For { body, orelse, .. }
            | StmtKind::While { body, orelse, .. }
            | StmtKind::If { body, orelse, .. } => go(body, d + 1) || go(orelse, d + 1),
            StmtKind::With { body, .. } => go(body, d + 1),
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
                ..
            } => {
                go(body, d + 1)
                    || go(orelse, d + 1)
                    || go(finalbody, d + 1)
                    || handlers.iter().any(|h| go(&h.body, d + 1))
            }
            StmtKind::Match { cases, .. } => cases.iter().any(|c| go(&c.body, d + 1)),
            _ => false,
        })
    }
    go(body, 0)
}

/// CPython's `_PyCompile_CleanDoc` (the algorithm of `inspect.cleandoc`
/// minus blank-line stripping).
pub(crate) fn clean_doc(doc: &str) -> String {
    let doc = expand_tabs(doc);
    let lines: Vec<&str> = doc.split('\n').collect();
    let mut margin = usize::MAX;
    for l in lines.iter().skip(1) {
        let n = l.len() - l.trim_start_matches(' ').len();
        if n < l.len() {
            margin = margin.min(n);
        }
    }
    if margin == usize::MAX {
        margin = 0;
    }
    let mut out = String::with_capacity(doc.len());
    out.push_str(lines[0].trim_start_matches(' '));
    for l in lines.iter().skip(1) {
        out.push('\n');
        let spaces = l.len() - l.trim_start_matches(' ').len();
        out.push_str(&l[spaces.min(margin)..]);
    }
    out
}

fn expand_tabs(s: &str) -> String {
    if !s.contains('\t') {
        return s.to_string();
    }
    let mut out = String::new();
    let mut col = 0;
    for ch in s.chars() {
        match ch {
            '\t' => {
                let n = 8 - col % 8;
                out.extend(std::iter::repeat(' ').take(n));
                col += n;
            }
            '\n' | '\r' => {
                out.push(ch);
                col = 0;
            }
            _ => {
                out.push(ch);
                col += 1;
            }
        }
    }
    out
}

pub(crate) fn docstring(body: &[Stmt]) -> Option<&str> {
    match body.first().map(|s| &s.node) {
        Some(StmtKind::Expr { value }) => match &value.node {
            ExprKind::Constant {
                value: Constant::Str(s),
                ..
            } => Some(s),
            _ => None,
        },
        _ => None,
    }
}

impl<'a> Compiler<'a> {
    pub fn u(&mut self) -> &mut Unit<'a> {
        self.units.last_mut().expect("unit")
    }
    pub fn ur(&self) -> &Unit<'a> {
        self.units.last().expect("unit")
    }
    pub fn ste(&self) -> &symtable::ScopeInfo {
        &self.st.scopes[self.ur().ste]
    }

    pub fn error<T>(&self, msg: impl Into<String>, l: Loc) -> R<T> {
        Err(CompileError::new(
            msg,
            ast::Loc {
                lineno: l.line.max(0) as u32,
                col_offset: l.col.max(0) as u32,
                end_lineno: l.end_line.max(0) as u32,
                end_col_offset: if l.end_col == -2 {
                    u32::MAX
                } else {
                    l.end_col.max(0) as u32
                },
            },
        ))
    }

    pub fn enter_nesting(&mut self, l: Loc) -> R {
        self.depth += 1;
        if self.depth > MAX_NESTING {
            return self.error(crate::symtable::RECURSION_MSG, l);
        }
        Ok(())
    }

    // ------------------------------------------------------------ emission

    pub fn new_label(&mut self) -> usize {
        let u = self.u();
        u.labels.push(usize::MAX);
        u.labels.len() - 1
    }

    pub fn use_label(&mut self, l: usize) {
        let u = self.u();
        u.labels[l] = u.instrs.len();
    }

    pub fn emit_op(&mut self, o: Op, arg: u32, loc: Loc) {
        self.u().instrs.push(Instr {
            op: o,
            arg,
            target: NO_LABEL,
            loc,
            except: NO_LABEL,
            propagated: false,
        });
    }

    pub fn emit(&mut self, o: Opcode, arg: u32, loc: Loc) {
        self.emit_op(op(o), arg, loc)
    }

    pub fn emit_jump(&mut self, o: Op, target: usize, loc: Loc) {
        self.u().instrs.push(Instr {
            op: o,
            arg: 0,
            target,
            loc,
            except: NO_LABEL,
            propagated: false,
        });
    }

    pub fn jump(&mut self, o: Opcode, target: usize, loc: Loc) {
        self.emit_jump(op(o), target, loc)
    }

    pub fn load_const(&mut self, c: Constant, loc: Loc) {
        let i = self.u().add_const(c);
        self.emit(Opcode::LoadConst, i, loc);
    }

    pub fn emit_return_none(&mut self) -> R {
        self.load_const(Constant::None, NO_LOC);
        self.emit(Opcode::ReturnValue, 0, NO_LOC);
        Ok(())
    }

    pub fn add_name(&mut self, n: &str) -> u32 {
        let m = self.mangle(n);
        self.u().names.add(&m)
    }

    pub fn mangle(&self, n: &str) -> String {
        symtable::mangle(self.ur().private.as_deref(), n)
    }

    // ------------------------------------------------------------- scopes

    pub fn enter_scope(&mut self, name: &str, st: ScopeType, key: usize, lineno: u32) -> R {
        let Some(&ste) = self.st.by_node.get(&key) else {
            return self.error(
                "internal compiler error: no symbol table entry for scope",
                NO_LOC,
            );
        };
        let info = &self.st.scopes[ste];
        let nparams = info.varnames.len();
        let mut varnames = Names::default();
        for v in &info.varnames {
            varnames.add(v);
        }
        let mut cells: Vec<String> = info
            .order
            .iter()
            .filter(|n| info.scope(n) == Scope::Cell)
            .cloned()
            .collect();
        cells.sort();
        let mut cellvars = Names::default();
        for c in &cells {
            cellvars.add(c);
        }
        if info.needs_class_closure {
            cellvars.add("__class__");
        }
        if info.needs_classdict {
            cellvars.add("__classdict__");
        }
        let mut frees: Vec<String> = info
            .order
            .iter()
            .filter(|n| {
                info.scope(n) == Scope::Free || info.flags(n) & symtable::DEF_FREE_CLASS != 0
            })
            .cloned()
            .collect();
        frees.sort();
        let mut freevars = Names::default();
        for f in &frees {
            freevars.add(f);
        }
        let private = if st == ScopeType::Class {
            Some(name.to_string())
        } else {
            self.units.last().and_then(|u| u.private.clone())
        };
        self.units.push(Unit {
            ste,
            scope_type: st,
            name: name.to_string(),
            qualname: name.to_string(),
            instrs: vec![],
            labels: vec![],
            consts: vec![],
            const_map: HashMap::new(),
            names: Names::default(),
            varnames,
            cellvars,
            freevars,
            fasthidden: HashSet::new(),
            temp_scopes: HashMap::new(),
            argcount: 0,
            posonlyargcount: 0,
            kwonlyargcount: 0,
            firstlineno: lineno,
            fblocks: vec![],
            in_inlined_comp: 0,
            private,
            static_attributes: if st == ScopeType::Class {
                Some(vec![])
            } else {
                None
            },
            nparams,
            hidden_ever: HashSet::new(),
        });
        if st != ScopeType::Module {
            self.set_qualname();
        }
        let l = Loc {
            line: if st == ScopeType::Module {
                0
            } else {
                lineno as i32
            },
            end_line: lineno as i32,
            col: 0,
            end_col: 0,
        };
        self.emit(Opcode::Resume, 0, l);
        Ok(())
    }

    fn set_qualname(&mut self) {
        let n = self.units.len();
        let mut base: Option<String> = None;
        if n > 1 {
            let mut pidx = n - 2;
            let u_name = self.units[n - 1].name.clone();
            // Skip the hidden type-parameter scope of a generic def/class.
            if self.units[pidx].scope_type == ScopeType::TypeParams && pidx > 0 {
                pidx -= 1;
            }
            let parent = &self.units[pidx];
            let mut force_global = false;
            if matches!(
                self.units[n - 1].scope_type,
                ScopeType::Function | ScopeType::AsyncFunction | ScopeType::Class
            ) {
                let mangled = symtable::mangle(parent.private.as_deref(), &u_name);
                let pste = &self.st.scopes[parent.ste];
                if pste.scope(&mangled) == Scope::GlobalExplicit {
                    force_global = true;
                }
            }
            if !force_global && parent.scope_type != ScopeType::Module {
                if matches!(
                    parent.scope_type,
                    ScopeType::Function | ScopeType::AsyncFunction | ScopeType::Lambda
                ) {
                    base = Some(format!("{}.<locals>", parent.qualname));
                } else {
                    base = Some(parent.qualname.clone());
                }
            }
        }
        let u = self.u();
        u.qualname = match base {
            Some(b) => format!("{}.{}", b, u.name),
            None => u.name.clone(),
        };
    }

    pub fn exit_scope_code(&mut self) -> R<CodeObject> {
        let u = self.units.pop().expect("unit");
        let ste = &self.st.scopes[u.ste];
        let mut flags = 0;
        use crate::code::flags as F;
        if ste.is_function_like() {
            flags |= F::NEWLOCALS | F::OPTIMIZED;
            if ste.nested {
                flags |= F::NESTED;
            }
            if ste.generator && !ste.coroutine {
                flags |= F::GENERATOR;
            }
            if !ste.generator && ste.coroutine {
                flags |= F::COROUTINE;
            }
            if ste.generator && ste.coroutine {
                flags |= F::ASYNC_GENERATOR;
            }
            if ste.varargs {
                flags |= F::VARARGS;
            }
            if ste.varkeywords {
                flags |= F::VARKEYWORDS;
            }
        }
        if ste.comprehension.is_some() && ste.coroutine && !ste.generator {
            // async comprehension scopes are coroutines
        }
        crate::assemble::assemble(u, flags, &self.filename)
    }

    /// The scope of `name` in the current unit (after comprehension overrides).
    pub fn scope_of(&self, mangled: &str) -> Scope {
        if let Some((_, s)) = self.ur().temp_scopes.get(mangled) {
            return *s;
        }
        self.ste().scope(mangled)
    }

    pub fn nameop(&mut self, name: &str, ctx: ExprContext, loc: Loc) -> R {
        // CPython's `forbidden_name`: __debug__ is a compile-time constant.
        if name == "__debug__" {
            match ctx {
                ExprContext::Store => return self.error("cannot assign to __debug__", loc),
                ExprContext::Del => return self.error("cannot delete __debug__", loc),
                _ => {}
            }
        }
        let mangled = self.mangle(name);
        let scope = self.scope_of(&mangled);
        let fl = self.ste().is_function_like();
        enum K {
            Fast,
            Deref(bool),
            Global,
            Name,
        }
        let k = match scope {
            Scope::Free => K::Deref(true),
            Scope::Cell => K::Deref(false),
            Scope::Local if fl || self.ur().fasthidden.contains(&mangled) => K::Fast,
            Scope::GlobalImplicit if fl => K::Global,
            Scope::GlobalExplicit => K::Global,
            _ => K::Name,
        };
        use Opcode::*;
        match k {
            K::Fast => {
                let i = self.u().varnames.add(&mangled);
                let o = match ctx {
                    ExprContext::Load => LoadFast,
                    ExprContext::Store => StoreFast,
                    ExprContext::Del => DeleteFast,
                };
                self.emit(o, i, loc);
            }
            K::Deref(free) => {
                let i = self.deref_index(&mangled, free);
                let o = match ctx {
                    ExprContext::Load => {
                        if self.ste().typ == BlockType::Class && self.ur().in_inlined_comp == 0 {
                            self.emit(LoadLocals, 0, loc);
                            LoadFromDictOrDeref
                        } else if self.ste().can_see_class_scope {
                            let ci = self.deref_index("__classdict__", true);
                            self.emit(LoadDeref, ci, loc);
                            LoadFromDictOrDeref
                        } else {
                            LoadDeref
                        }
                    }
                    ExprContext::Store => StoreDeref,
                    ExprContext::Del => DeleteDeref,
                };
                self.emit(o, i, loc);
            }
            K::Global => {
                let i = self.u().names.add(&mangled);
                match ctx {
                    ExprContext::Load => {
                        if self.ste().can_see_class_scope && scope == Scope::GlobalImplicit {
                            let ci = self.deref_index("__classdict__", true);
                            self.emit(LoadDeref, ci, loc);
                            self.emit(LoadFromDictOrGlobals, i, loc);
                        } else {
                            self.emit(LoadGlobal, i << 1, loc);
                        }
                    }
                    ExprContext::Store => self.emit(StoreGlobal, i, loc),
                    ExprContext::Del => self.emit(DeleteGlobal, i, loc),
                }
            }
            K::Name => {
                let i = self.u().names.add(&mangled);
                match ctx {
                    ExprContext::Load => {
                        if self.ste().typ == BlockType::Class && self.ur().in_inlined_comp > 0 {
                            self.emit(LoadGlobal, i << 1, loc)
                        } else {
                            self.emit(LoadName, i, loc)
                        }
                    }
                    ExprContext::Store => self.emit(StoreName, i, loc),
                    ExprContext::Del => self.emit(DeleteName, i, loc),
                }
            }
        }
        Ok(())
    }

    /// Index for *_DEREF opargs before final numbering: cells first, then
    /// free variables (fixed up in `assemble`).
    pub fn deref_index(&mut self, name: &str, prefer_free: bool) -> u32 {
        let u = self.u();
        if !prefer_free {
            if let Some(i) = u.cellvars.get(name) {
                return i;
            }
        }
        if let Some(i) = u.freevars.get(name) {
            return u.cellvars.list.len() as u32 + i;
        }
        if let Some(i) = u.cellvars.get(name) {
            return i;
        }
        // A cell created for an inlined comprehension.
        u.cellvars.add(name)
    }

    // ------------------------------------------------------------- fblocks

    pub fn push_fblock(&mut self, kind: FBlockKind<'a>, block: usize, exit: usize, loc: Loc) -> R {
        if self.ur().fblocks.len() >= MAX_BLOCKS {
            return self.error("too many statically nested blocks", loc);
        }
        self.u().fblocks.push(FBlock {
            kind,
            block,
            exit,
            loc,
        });
        Ok(())
    }

    pub fn pop_fblock(&mut self) {
        self.u().fblocks.pop();
    }

    pub fn body(&mut self, loc: Loc, stmts: &'a [Stmt]) -> R {
        if find_ann(stmts) {
            self.emit(Opcode::SetupAnnotations, 0, loc);
        }
        if stmts.is_empty() {
            return Ok(());
        }
        let mut first = 0;
        if let Some(doc) = docstring(stmts) {
            first = 1;
            if self.optimize < 2 {
                let d = clean_doc(doc);
                let l = loc_of(stmts[0].loc);
                self.load_const(Constant::Str(d), l);
                self.nameop("__doc__", ExprContext::Store, l)?;
            }
        }
        for s in &stmts[first..] {
            self.stmt(s)?;
        }
        Ok(())
    }

    pub fn is_top_level_await(&self) -> bool {
        false
    }

    pub fn stmt(&mut self, s: &'a Stmt) -> R {
        self.enter_nesting(loc_of(s.loc))?;
        let r = self.stmt_inner(s);
        self.depth -= 1;
        r
    }

    pub fn expr(&mut self, e: &'a Expr) -> R {
        self.enter_nesting(loc_of(e.loc))?;
        let r = self.expr_inner(e);
        self.depth -= 1;
        r
    }
}
