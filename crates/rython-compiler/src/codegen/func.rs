//! Functions, lambdas, classes, closures, PEP 695 type parameters and
//! type aliases.

use super::*;
use crate::fn_attr;
use crate::symtable::node_key;
use crate::{intrinsic1, intrinsic2};
use rython_parser::ast::{Arguments, ClassDef, FunctionDef, TypeParam, TypeParamKind};
use Opcode::*;

impl<'a> Compiler<'a> {
    fn decorators(&mut self, decos: &'a [Expr]) -> R {
        for d in decos {
            self.expr(d)?;
        }
        Ok(())
    }

    fn apply_decorators(&mut self, decos: &'a [Expr]) {
        for d in decos.iter().rev() {
            self.emit(Call, 0, loc_of(d.loc));
        }
    }

    fn default_arguments(&mut self, loc: Loc, args: &'a Arguments) -> R<u32> {
        let mut flags = 0;
        if !args.defaults.is_empty() {
            for d in &args.defaults {
                self.expr(d)?;
            }
            self.emit(BuildTuple, args.defaults.len() as u32, loc);
            flags |= fn_attr::DEFAULTS;
        }
        let mut keys = vec![];
        for (a, d) in args.kwonlyargs.iter().zip(&args.kw_defaults) {
            if let Some(d) = d {
                keys.push(Constant::Str(self.mangle(&a.arg)));
                self.expr(d)?;
            }
        }
        if !keys.is_empty() {
            let n = keys.len() as u32;
            self.load_const(Constant::Tuple(keys), loc);
            self.emit(BuildConstKeyMap, n, loc);
            flags |= fn_attr::KWDEFAULTS;
        }
        Ok(flags)
    }

    fn annotations(&mut self, loc: Loc, args: &'a Arguments, returns: Option<&'a Expr>) -> R<u32> {
        let mut n = 0;
        let mut one = |c: &mut Self, name: &str, ann: Option<&'a Expr>| -> R {
            let Some(ann) = ann else { return Ok(()) };
            let m = c.mangle(name);
            c.load_const(Constant::Str(m), loc);
            if c.st.future_annotations {
                c.load_const(Constant::Str(crate::unparse::unparse(ann)), loc_of(ann.loc));
            } else if let ExprKind::Starred { value, .. } = &ann.node {
                c.expr(value)?;
                c.emit(UnpackSequence, 1, loc);
            } else {
                c.expr(ann)?;
            }
            n += 2;
            Ok(())
        };
        for a in &args.args {
            one(self, &a.arg, a.annotation.as_deref())?;
        }
        for a in &args.posonlyargs {
            one(self, &a.arg, a.annotation.as_deref())?;
        }
        if let Some(a) = &args.vararg {
            one(self, &a.arg, a.annotation.as_deref())?;
        }
        for a in &args.kwonlyargs {
            one(self, &a.arg, a.annotation.as_deref())?;
        }
        if let Some(a) = &args.kwarg {
            one(self, &a.arg, a.annotation.as_deref())?;
        }
        one(self, "return", returns)?;
        if n > 0 {
            self.emit(BuildTuple, n, loc);
            return Ok(fn_attr::ANNOTATIONS);
        }
        Ok(0)
    }

    pub(super) fn function_def(&mut self, s: &'a Stmt, f: &'a FunctionDef) -> R {
        self.decorators(&f.decorator_list)?;
        let firstlineno = f
            .decorator_list
            .first()
            .map_or(s.loc.lineno, |d| d.loc.lineno);
        let loc = loc_of(s.loc);
        let generic = !f.type_params.is_empty();
        let mut flags = self.default_arguments(loc, &f.args)?;
        let mut ntp_args = 0;
        if generic {
            if flags & fn_attr::DEFAULTS != 0 {
                ntp_args += 1;
            }
            if flags & fn_attr::KWDEFAULTS != 0 {
                ntp_args += 1;
            }
            if ntp_args == 2 {
                self.emit(Swap, 2, loc);
            }
            let n = format!("<generic parameters of {}>", f.name);
            self.enter_scope(
                &n,
                ScopeType::TypeParams,
                f.type_params.as_ptr() as usize + 2,
                firstlineno,
            )?;
            self.type_params(&f.type_params)?;
            for i in 0..ntp_args {
                self.emit(LoadFast, i, loc);
            }
        }
        flags |= self.annotations(loc, &f.args, f.returns.as_deref())?;
        self.function_body(s, f, flags, firstlineno)?;
        if generic {
            self.emit(Swap, 2, loc);
            self.emit(CallIntrinsic2, intrinsic2::SET_FUNCTION_TYPE_PARAMS, loc);
            self.emit(ReturnValue, 0, loc);
            self.u().argcount = ntp_args;
            let co = self.exit_scope_code()?;
            self.make_closure(loc, co, 0)?;
            if ntp_args > 0 {
                self.emit(Swap, ntp_args + 1, loc);
                self.emit(Call, ntp_args - 1, loc);
            } else {
                self.emit(PushNull, 0, loc);
                self.emit(Call, 0, loc);
            }
        }
        self.apply_decorators(&f.decorator_list);
        self.nameop(&f.name, ExprContext::Store, loc)
    }

    fn function_body(
        &mut self,
        s: &'a Stmt,
        f: &'a FunctionDef,
        flags: u32,
        firstlineno: u32,
    ) -> R {
        let st = if f.is_async {
            ScopeType::AsyncFunction
        } else {
            ScopeType::Function
        };
        self.enter_scope(&f.name, st, node_key(f), firstlineno)?;
        let mut first = 0;
        let mut doc = Constant::None;
        if let Some(d) = docstring(&f.body) {
            first = 1;
            if self.optimize < 2 {
                doc = Constant::Str(clean_doc(d));
            }
        }
        self.u().add_const(doc);
        self.set_arg_counts(&f.args);
        let wrap = self.ste().coroutine || self.ste().generator;
        if wrap {
            self.push_fblock(FBlockKind::StopIteration, NO_LABEL, NO_LABEL, NO_LOC)?;
        }
        for st in &f.body[first..] {
            self.stmt(st)?;
        }
        if wrap {
            self.wrap_in_stopiteration_handler();
            self.pop_fblock();
        }
        self.emit_return_none()?;
        let co = self.exit_scope_code()?;
        self.make_closure(loc_of(s.loc), co, flags)
    }

    fn set_arg_counts(&mut self, a: &Arguments) {
        let u = self.u();
        u.argcount = (a.args.len() + a.posonlyargs.len()) as u32;
        u.posonlyargcount = a.posonlyargs.len() as u32;
        u.kwonlyargcount = a.kwonlyargs.len() as u32;
    }

    /// CPython's `wrap_in_stopiteration_handler`: a generator body turns a
    /// leaking StopIteration into RuntimeError.
    pub(super) fn wrap_in_stopiteration_handler(&mut self) {
        let handler = self.new_label();
        let u = self.u();
        u.instrs.insert(
            0,
            fg::Instr {
                op: fg::SETUP_CLEANUP,
                arg: 0,
                target: handler,
                loc: NO_LOC,
                except: NO_LABEL,
                propagated: false,
            },
        );
        for l in u.labels.iter_mut() {
            if *l != usize::MAX {
                *l += 1;
            }
        }
        self.load_const(Constant::None, NO_LOC);
        self.emit(ReturnValue, 0, NO_LOC);
        self.use_label(handler);
        self.emit(CallIntrinsic1, intrinsic1::STOPITERATION_ERROR, NO_LOC);
        self.emit(Reraise, 1, NO_LOC);
    }

    /// CPython's `get_ref_type` for closure building.
    fn ref_is_cell(&self, name: &str) -> bool {
        if self.ur().scope_type == ScopeType::Class
            && (name == "__class__" || name == "__classdict__")
        {
            return true;
        }
        self.scope_of(name) == Scope::Cell
    }

    pub(super) fn make_closure(&mut self, loc: Loc, co: CodeObject, mut flags: u32) -> R {
        let frees: Vec<String> = co.freevars().iter().map(|s| s.to_string()).collect();
        if !frees.is_empty() {
            for name in &frees {
                let idx = if self.ref_is_cell(name) {
                    match self.ur().cellvars.get(name) {
                        Some(i) => i,
                        None => self.deref_index(name, false),
                    }
                } else {
                    match self.ur().freevars.get(name) {
                        Some(i) => self.ur().cellvars.list.len() as u32 + i,
                        None => self.deref_index(name, true),
                    }
                };
                self.emit_op(fg::LOAD_CLOSURE, idx, loc);
            }
            flags |= fn_attr::CLOSURE;
            self.emit(BuildTuple, frees.len() as u32, loc);
        }
        let i = self.u().consts.len() as u32;
        self.u().consts.push(ConstValue::Code(Box::new(co)));
        self.emit(LoadConst, i, loc);
        self.emit(MakeFunction, 0, loc);
        for f in [
            fn_attr::CLOSURE,
            fn_attr::ANNOTATIONS,
            fn_attr::KWDEFAULTS,
            fn_attr::DEFAULTS,
        ] {
            if flags & f != 0 {
                self.emit(SetFunctionAttribute, f, loc);
            }
        }
        Ok(())
    }

    pub(super) fn lambda(&mut self, e: &'a Expr, args: &'a Arguments, body: &'a Expr) -> R {
        let loc = loc_of(e.loc);
        let flags = self.default_arguments(loc, args)?;
        self.enter_scope("<lambda>", ScopeType::Lambda, node_key(e), e.loc.lineno)?;
        self.u().add_const(Constant::None);
        self.set_arg_counts(args);
        self.expr(body)?;
        if self.ste().generator {
            self.emit(ReturnValue, 0, NO_LOC);
        } else {
            self.emit(ReturnValue, 0, loc_of(body.loc));
        }
        let co = self.exit_scope_code()?;
        self.make_closure(loc, co, flags)
    }

    pub(super) fn class_def(&mut self, s: &'a Stmt, c: &'a ClassDef) -> R {
        self.decorators(&c.decorator_list)?;
        let firstlineno = c
            .decorator_list
            .first()
            .map_or(s.loc.lineno, |d| d.loc.lineno);
        let loc = loc_of(s.loc);
        let generic = !c.type_params.is_empty();
        if generic {
            let n = format!("<generic parameters of {}>", c.name);
            self.enter_scope(
                &n,
                ScopeType::TypeParams,
                c.type_params.as_ptr() as usize + 2,
                firstlineno,
            )?;
            self.u().private = Some(c.name.clone());
            self.type_params(&c.type_params)?;
            self.nameop(".type_params", ExprContext::Store, loc)?;
        }
        self.class_body(s, c, firstlineno)?;
        if generic {
            self.nameop(".type_params", ExprContext::Load, loc)?;
            self.emit(CallIntrinsic1, intrinsic1::SUBSCRIPT_GENERIC, loc);
            self.nameop(".generic_base", ExprContext::Store, loc)?;
            // Bases plus the synthetic `.generic_base` name (a leaf node, so
            // it needs no symbol table entry of its own).
            let generic_base: &'a Expr = Box::leak(Box::new(Expr {
                node: ExprKind::Name {
                    id: ".generic_base".into(),
                    ctx: ExprContext::Load,
                },
                loc: s.loc,
            }));
            let mut bases: Vec<&'a Expr> = c.bases.iter().collect();
            bases.push(generic_base);
            self.call_helper(loc, 2, &bases, &c.keywords)?;
            self.emit(ReturnValue, 0, loc);
            let co = self.exit_scope_code()?;
            self.make_closure(loc, co, 0)?;
            self.emit(PushNull, 0, loc);
            self.emit(Call, 0, loc);
        } else {
            self.call_helper(loc, 2, &super::expr::refs(&c.bases), &c.keywords)?;
        }
        self.apply_decorators(&c.decorator_list);
        self.nameop(&c.name, ExprContext::Store, loc)
    }

    fn class_body(&mut self, s: &'a Stmt, c: &'a ClassDef, firstlineno: u32) -> R {
        self.enter_scope(&c.name, ScopeType::Class, node_key(c), firstlineno)?;
        let l = Loc {
            line: firstlineno as i32,
            end_line: firstlineno as i32,
            col: 0,
            end_col: 0,
        };
        self.u().private = Some(c.name.clone());
        self.nameop("__name__", ExprContext::Load, l)?;
        self.nameop("__module__", ExprContext::Store, l)?;
        let q = self.ur().qualname.clone();
        self.load_const(Constant::Str(q), l);
        self.nameop("__qualname__", ExprContext::Store, l)?;
        self.load_const(Constant::Int(firstlineno.into()), l);
        self.nameop("__firstlineno__", ExprContext::Store, l)?;
        if !c.type_params.is_empty() {
            self.nameop(".type_params", ExprContext::Load, l)?;
            self.nameop("__type_params__", ExprContext::Store, l)?;
        }
        let ste = self.ur().ste;
        if self.st.scopes[ste].needs_classdict {
            self.emit(LoadLocals, 0, l);
            let i = self.deref_index("__classdict__", false);
            self.emit(StoreDeref, i, l);
        }
        self.body(l, &c.body)?;
        let mut attrs = self.u().static_attributes.take().unwrap_or_default();
        attrs.sort();
        self.load_const(
            Constant::Tuple(attrs.into_iter().map(Constant::Str).collect()),
            NO_LOC,
        );
        self.nameop("__static_attributes__", ExprContext::Store, NO_LOC)?;
        if self.st.scopes[ste].needs_classdict {
            let i = self.deref_index("__classdict__", false);
            self.emit_op(fg::LOAD_CLOSURE, i, NO_LOC);
            self.nameop("__classdictcell__", ExprContext::Store, NO_LOC)?;
        }
        if self.st.scopes[ste].needs_class_closure {
            let i = self.deref_index("__class__", false);
            self.emit_op(fg::LOAD_CLOSURE, i, NO_LOC);
            self.emit(Copy, 1, NO_LOC);
            self.nameop("__classcell__", ExprContext::Store, NO_LOC)?;
        } else {
            self.load_const(Constant::None, NO_LOC);
        }
        self.emit(ReturnValue, 0, NO_LOC);
        let co = self.exit_scope_code()?;
        let loc = loc_of(s.loc);
        self.emit(LoadBuildClass, 0, loc);
        self.emit(PushNull, 0, loc);
        self.make_closure(loc, co, 0)?;
        self.load_const(Constant::Str(c.name.clone()), loc);
        Ok(())
    }

    fn type_params(&mut self, tps: &'a [TypeParam]) -> R {
        let mut seen_default = false;
        for tp in tps {
            let loc = loc_of(tp.loc);
            let (name, default) = match &tp.node {
                TypeParamKind::TypeVar {
                    name,
                    bound,
                    default_value,
                } => {
                    self.load_const(Constant::Str(name.clone()), loc);
                    if let Some(b) = bound {
                        self.lazy_eval(b, name, false, node_key(tp))?;
                        let i = if matches!(b.node, ExprKind::Tuple { .. }) {
                            intrinsic2::TYPEVAR_WITH_CONSTRAINTS
                        } else {
                            intrinsic2::TYPEVAR_WITH_BOUND
                        };
                        self.emit(CallIntrinsic2, i, loc);
                    } else {
                        self.emit(CallIntrinsic1, intrinsic1::TYPEVAR, loc);
                    }
                    (name, default_value.as_deref())
                }
                TypeParamKind::TypeVarTuple {
                    name,
                    default_value,
                } => {
                    self.load_const(Constant::Str(name.clone()), loc);
                    self.emit(CallIntrinsic1, intrinsic1::TYPEVARTUPLE, loc);
                    (name, default_value.as_deref())
                }
                TypeParamKind::ParamSpec {
                    name,
                    default_value,
                } => {
                    self.load_const(Constant::Str(name.clone()), loc);
                    self.emit(CallIntrinsic1, intrinsic1::PARAMSPEC, loc);
                    (name, default_value.as_deref())
                }
            };
            if let Some(d) = default {
                seen_default = true;
                let starred = matches!(tp.node, TypeParamKind::TypeVarTuple { .. });
                self.lazy_eval(d, name, starred, node_key(tp) + 1)?;
                self.emit(CallIntrinsic2, intrinsic2::SET_TYPEPARAM_DEFAULT, loc);
            } else if seen_default {
                return self.error(
                    format!("non-default type parameter '{name}' follows default type parameter"),
                    loc,
                );
            }
            self.emit(Copy, 1, loc);
            self.nameop(name, ExprContext::Store, loc)?;
        }
        self.emit(BuildTuple, tps.len() as u32, loc_of(tps[0].loc));
        Ok(())
    }

    /// A lazily evaluated bound/default: a tiny function returning `e`.
    fn lazy_eval(&mut self, e: &'a Expr, name: &str, allow_starred: bool, key: usize) -> R {
        let loc = loc_of(e.loc);
        self.enter_scope(name, ScopeType::TypeParams, key, e.loc.lineno)?;
        match &e.node {
            ExprKind::Starred { value, .. } if allow_starred => {
                self.expr(value)?;
                self.emit(UnpackSequence, 1, loc);
            }
            _ => self.expr(e)?,
        }
        self.emit(ReturnValue, 0, loc);
        let co = self.exit_scope_code()?;
        self.make_closure(loc, co, 0)
    }

    pub(super) fn type_alias(
        &mut self,
        s: &'a Stmt,
        name: &'a Expr,
        tps: &'a [TypeParam],
        value: &'a Expr,
    ) -> R {
        let loc = loc_of(s.loc);
        let ExprKind::Name { id, .. } = &name.node else {
            return self.error("invalid type alias name", loc);
        };
        let generic = !tps.is_empty();
        if generic {
            let n = format!("<generic parameters of {id}>");
            self.enter_scope(
                &n,
                ScopeType::TypeParams,
                tps.as_ptr() as usize + 2,
                s.loc.lineno,
            )?;
            self.load_const(Constant::Str(id.clone()), loc);
            self.type_params(tps)?;
        } else {
            self.load_const(Constant::Str(id.clone()), loc);
            self.load_const(Constant::None, loc);
        }
        self.enter_scope(id, ScopeType::Function, node_key(s), s.loc.lineno)?;
        self.u().add_const(Constant::None);
        self.expr(value)?;
        self.emit(ReturnValue, 0, loc);
        let co = self.exit_scope_code()?;
        self.make_closure(loc, co, 0)?;
        self.emit(BuildTuple, 3, loc);
        self.emit(CallIntrinsic1, intrinsic1::TYPEALIAS, loc);
        if generic {
            self.emit(ReturnValue, 0, loc);
            let co = self.exit_scope_code()?;
            self.make_closure(loc, co, 0)?;
            self.emit(PushNull, 0, loc);
            self.emit(Call, 0, loc);
        }
        self.nameop(id, ExprContext::Store, loc)
    }
}
