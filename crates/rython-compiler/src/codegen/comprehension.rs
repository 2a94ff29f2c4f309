//! Comprehensions: list/set/dict comprehensions are inlined into the
//! enclosing code (PEP 709); generator expressions get their own code
//! object named `<genexpr>`.

use super::*;
use crate::flowgraph::{JUMP, JUMP_NO_INTERRUPT, POP_BLOCK, SETUP_FINALLY, STORE_FAST_MAYBE_NULL};
use crate::symtable::{node_key, CompKind, DEF_LOCAL, DEF_NONLOCAL};
use rython_parser::ast::Comprehension;
use Opcode::*;

struct InlineState {
    pushed_locals: Vec<String>,
    saved_scopes: HashMap<String, Option<(u32, Scope)>>,
    fast_hidden: Vec<String>,
    cleanup: usize,
    end: usize,
}

impl<'a> Compiler<'a> {
    pub(super) fn comprehension(&mut self, e: &'a Expr) -> R {
        let (kind, gens, elt, val): (CompKind, &'a [Comprehension], &'a Expr, Option<&'a Expr>) =
            match &e.node {
                ExprKind::ListComp { elt, generators } => (CompKind::List, generators, elt, None),
                ExprKind::SetComp { elt, generators } => (CompKind::Set, generators, elt, None),
                ExprKind::DictComp {
                    key,
                    value,
                    generators,
                } => (CompKind::Dict, generators, key, Some(value)),
                ExprKind::GeneratorExp { elt, generators } => {
                    (CompKind::Gen, generators, elt, None)
                }
                _ => unreachable!(),
            };
        let loc = loc_of(e.loc);
        let sid = *self
            .st
            .by_node
            .get(&node_key(e))
            .expect("comprehension scope");
        let inlined = self.st.scopes[sid].comp_inlined;
        let is_async = self.st.scopes[sid].coroutine;
        let outer_type = self.ur().scope_type;
        let outermost = &gens[0];
        let mut state = None;
        if inlined {
            self.comprehension_iter(outermost)?;
            state = Some(self.push_inlined(loc, sid)?);
        } else {
            let name = match kind {
                CompKind::List => "<listcomp>",
                CompKind::Set => "<setcomp>",
                CompKind::Dict => "<dictcomp>",
                CompKind::Gen => "<genexpr>",
            };
            self.enter_scope(name, ScopeType::Comprehension, node_key(e), e.loc.lineno)?;
        }
        if is_async
            && kind != CompKind::Gen
            && !matches!(
                outer_type,
                ScopeType::AsyncFunction | ScopeType::Comprehension
            )
            && !self.is_top_level_await()
        {
            return self.error(
                "asynchronous comprehension outside of an asynchronous function",
                loc,
            );
        }
        if kind != CompKind::Gen {
            let op = match kind {
                CompKind::List => BuildList,
                CompKind::Set => BuildSet,
                _ => BuildMap,
            };
            self.emit(op, 0, loc);
            if inlined {
                self.emit(Swap, 2, loc);
            }
        }
        self.comp_generator(loc, gens, 0, 0, elt, val, kind, inlined)?;
        if let Some(st) = state {
            return self.pop_inlined(loc, st);
        }
        if kind != CompKind::Gen {
            self.emit(ReturnValue, 0, loc);
        } else {
            self.wrap_in_stopiteration_handler();
        }
        self.emit_return_none()?;
        let co = self.exit_scope_code()?;
        self.make_closure(loc, co, 0)?;
        self.comprehension_iter(outermost)?;
        self.emit(Call, 0, loc);
        if is_async && kind != CompKind::Gen {
            self.emit(GetAwaitable, 0, loc);
            self.load_const(Constant::None, loc);
            self.yield_from(loc, true);
        }
        Ok(())
    }

    fn comprehension_iter(&mut self, c: &'a Comprehension) -> R {
        self.iter_expr(&c.iter)?;
        self.emit(
            if c.is_async { GetAiter } else { GetIter },
            0,
            loc_of(c.iter.loc),
        );
        Ok(())
    }

    #[allow(clippy::too_many_arguments)]
    fn comp_generator(
        &mut self,
        loc: Loc,
        gens: &'a [Comprehension],
        idx: usize,
        depth: u32,
        elt: &'a Expr,
        val: Option<&'a Expr>,
        kind: CompKind,
        iter_on_stack: bool,
    ) -> R {
        self.enter_nesting(loc)?;
        let r = if gens[idx].is_async {
            self.async_comp_generator(loc, gens, idx, depth, elt, val, kind, iter_on_stack)
        } else {
            self.sync_comp_generator(loc, gens, idx, depth, elt, val, kind, iter_on_stack)
        };
        self.depth -= 1;
        r
    }

    fn comp_element(
        &mut self,
        elt: &'a Expr,
        val: Option<&'a Expr>,
        kind: CompKind,
        depth: u32,
        loc: Loc,
    ) -> R {
        match kind {
            CompKind::Gen => {
                self.expr(elt)?;
                self.emit_yield(loc);
                self.emit(PopTop, 0, loc);
            }
            CompKind::List => {
                self.expr(elt)?;
                self.emit(ListAppend, depth + 1, loc);
            }
            CompKind::Set => {
                self.expr(elt)?;
                self.emit(SetAdd, depth + 1, loc);
            }
            CompKind::Dict => {
                let v = val.expect("dict value");
                self.expr(elt)?;
                self.expr(v)?;
                let l = Loc {
                    line: elt.loc.lineno as i32,
                    end_line: v.loc.end_lineno as i32,
                    col: elt.loc.col_offset as i32,
                    end_col: v.loc.end_col_offset as i32,
                };
                let l = if loc == loc_of(elt.loc) { l } else { loc };
                self.emit(MapAdd, depth + 1, l);
            }
        }
        Ok(())
    }

    #[allow(clippy::too_many_arguments)]
    fn sync_comp_generator(
        &mut self,
        loc: Loc,
        gens: &'a [Comprehension],
        idx: usize,
        mut depth: u32,
        elt: &'a Expr,
        val: Option<&'a Expr>,
        kind: CompKind,
        iter_on_stack: bool,
    ) -> R {
        let mut start = Some(self.new_label());
        let if_cleanup = self.new_label();
        let anchor = self.new_label();
        let gen = &gens[idx];
        if !iter_on_stack {
            if idx == 0 {
                self.u().argcount = 1;
                self.emit(LoadFast, 0, loc);
            } else {
                let elts = match &gen.iter.node {
                    ExprKind::List { elts, .. } | ExprKind::Tuple { elts, .. } => Some(elts),
                    _ => None,
                };
                if let Some(elts) = elts {
                    if elts.len() == 1 && !matches!(elts[0].node, ExprKind::Starred { .. }) {
                        self.expr(&elts[0])?;
                        start = None;
                    }
                }
                if start.is_some() {
                    self.iter_expr(&gen.iter)?;
                    self.emit(GetIter, 0, loc_of(gen.iter.loc));
                }
            }
        }
        if let Some(st) = start {
            depth += 1;
            self.use_label(st);
            self.jump(ForIter, anchor, loc_of(gen.iter.loc));
        }
        self.expr(&gen.target)?;
        for c in &gen.ifs {
            self.jump_if(loc, c, if_cleanup, false)?;
        }
        let mut elt_loc = loc_of(elt.loc);
        if idx + 1 < gens.len() {
            self.comp_generator(loc, gens, idx + 1, depth, elt, val, kind, false)?;
        } else {
            self.comp_element(elt, val, kind, depth, elt_loc)?;
            if let (CompKind::Dict, Some(v)) = (kind, val) {
                elt_loc = Loc {
                    line: elt.loc.lineno as i32,
                    end_line: v.loc.end_lineno as i32,
                    col: elt.loc.col_offset as i32,
                    end_col: v.loc.end_col_offset as i32,
                };
            }
        }
        self.use_label(if_cleanup);
        if let Some(st) = start {
            self.emit_jump(JUMP, st, elt_loc);
            self.use_label(anchor);
            self.emit(EndFor, 0, NO_LOC);
            self.emit(PopTop, 0, NO_LOC);
        }
        Ok(())
    }

    #[allow(clippy::too_many_arguments)]
    fn async_comp_generator(
        &mut self,
        loc: Loc,
        gens: &'a [Comprehension],
        idx: usize,
        mut depth: u32,
        elt: &'a Expr,
        val: Option<&'a Expr>,
        kind: CompKind,
        iter_on_stack: bool,
    ) -> R {
        let start = self.new_label();
        let except = self.new_label();
        let if_cleanup = self.new_label();
        let gen = &gens[idx];
        if !iter_on_stack {
            if idx == 0 {
                self.u().argcount = 1;
                self.emit(LoadFast, 0, loc);
            } else {
                self.iter_expr(&gen.iter)?;
                self.emit(GetAiter, 0, loc_of(gen.iter.loc));
            }
        }
        self.use_label(start);
        self.push_fblock(
            FBlockKind::AsyncComprehensionGenerator,
            start,
            NO_LABEL,
            loc,
        )?;
        self.emit_jump(SETUP_FINALLY, except, loc);
        self.emit(GetAnext, 0, loc);
        self.load_const(Constant::None, loc);
        self.yield_from(loc, true);
        self.emit_op(POP_BLOCK, 0, loc);
        self.expr(&gen.target)?;
        for c in &gen.ifs {
            self.jump_if(loc, c, if_cleanup, false)?;
        }
        depth += 1;
        if idx + 1 < gens.len() {
            self.comp_generator(loc, gens, idx + 1, depth, elt, val, kind, false)?;
        } else {
            self.comp_element(elt, val, kind, depth, loc)?;
        }
        self.use_label(if_cleanup);
        self.emit_jump(JUMP, start, NO_LOC);
        self.pop_fblock();
        self.use_label(except);
        self.emit(EndAsyncFor, 0, loc);
        Ok(())
    }

    fn push_inlined(&mut self, loc: Loc, sid: usize) -> R<InlineState> {
        let in_class_block =
            self.ste().typ == crate::symtable::BlockType::Class && self.ur().in_inlined_comp == 0;
        self.u().in_inlined_comp += 1;
        let mut st = InlineState {
            pushed_locals: vec![],
            saved_scopes: HashMap::new(),
            fast_hidden: vec![],
            cleanup: NO_LABEL,
            end: NO_LABEL,
        };
        let order = self.st.scopes[sid].order.clone();
        let fl = self.ste().is_function_like();
        for k in order {
            let (flags, scope) = {
                let s = &self.st.scopes[sid].symbols[&k];
                (s.flags, s.scope)
            };
            let outsc = self.scope_of(&k);
            if (scope != outsc
                && scope != Scope::Free
                && !(scope == Scope::Cell && outsc == Scope::Free))
                || in_class_block
            {
                let prev = self.ur().temp_scopes.get(&k).copied();
                st.saved_scopes.entry(k.clone()).or_insert(prev);
                self.u().temp_scopes.insert(k.clone(), (flags, scope));
            }
            if (flags & DEF_LOCAL != 0 && flags & DEF_NONLOCAL == 0) || in_class_block {
                if !fl && !self.ur().fasthidden.contains(&k) {
                    self.u().fasthidden.insert(k.clone());
                    self.u().hidden_ever.insert(k.clone());
                    st.fast_hidden.push(k.clone());
                }
                let i = self.u().varnames.add(&k);
                self.emit(LoadFastAndClear, i, loc);
                if scope == Scope::Cell {
                    let ci = self.deref_index(&k, outsc == Scope::Free);
                    self.emit(MakeCell, ci, loc);
                }
                st.pushed_locals.push(k.clone());
            }
        }
        if !st.pushed_locals.is_empty() {
            self.emit(Swap, st.pushed_locals.len() as u32 + 1, loc);
            st.cleanup = self.new_label();
            st.end = self.new_label();
            self.emit_jump(SETUP_FINALLY, st.cleanup, loc);
        }
        Ok(st)
    }

    fn pop_inlined(&mut self, loc: Loc, st: InlineState) -> R {
        self.u().in_inlined_comp -= 1;
        for (k, prev) in st.saved_scopes {
            match prev {
                Some(p) => {
                    self.u().temp_scopes.insert(k, p);
                }
                None => {
                    self.u().temp_scopes.remove(&k);
                }
            }
        }
        if !st.pushed_locals.is_empty() {
            self.emit_op(POP_BLOCK, 0, NO_LOC);
            self.emit_jump(JUMP_NO_INTERRUPT, st.end, NO_LOC);
            self.use_label(st.cleanup);
            self.emit(Swap, 2, NO_LOC);
            self.emit(PopTop, 0, NO_LOC);
            self.restore_inlined_locals(loc, &st.pushed_locals);
            self.emit(Reraise, 0, NO_LOC);
            self.use_label(st.end);
            self.restore_inlined_locals(loc, &st.pushed_locals);
        }
        for k in st.fast_hidden {
            self.u().fasthidden.remove(&k);
        }
        Ok(())
    }

    fn restore_inlined_locals(&mut self, loc: Loc, pushed: &[String]) {
        self.emit(Swap, pushed.len() as u32 + 1, loc);
        for k in pushed.iter().rev() {
            let i = self.u().varnames.add(k);
            self.emit_op(STORE_FAST_MAYBE_NULL, i, loc);
        }
    }
}
