//! Statements: assignments, control flow, exceptions, `with`, imports.

use super::*;
use crate::flowgraph::{
    JUMP, JUMP_NO_INTERRUPT, POP_BLOCK, SETUP_CLEANUP, SETUP_FINALLY, SETUP_WITH,
};
use crate::{intrinsic1, intrinsic2};
use rython_parser::ast::{Alias, ExceptHandler, Operator, WithItem};
use Opcode::*;

impl<'a> Compiler<'a> {
    pub(super) fn stmts(&mut self, b: &'a [Stmt]) -> R {
        for s in b {
            self.stmt(s)?;
        }
        Ok(())
    }

    pub(super) fn stmt_inner(&mut self, s: &'a Stmt) -> R {
        let loc = loc_of(s.loc);
        match &s.node {
            StmtKind::FunctionDef(f) => self.function_def(s, f),
            StmtKind::ClassDef(c) => self.class_def(s, c),
            StmtKind::Return { value } => self.return_stmt(s, value.as_deref()),
            StmtKind::Delete { targets } => {
                for t in targets {
                    self.expr(t)?;
                }
                Ok(())
            }
            StmtKind::Assign { targets, value } => {
                self.expr(value)?;
                let n = targets.len();
                for (i, t) in targets.iter().enumerate() {
                    if i + 1 < n {
                        self.emit(Copy, 1, loc);
                    }
                    self.expr(t)?;
                }
                Ok(())
            }
            StmtKind::TypeAlias {
                name,
                type_params,
                value,
            } => self.type_alias(s, name, type_params, value),
            StmtKind::AugAssign { target, op, value } => self.aug_assign(s, target, *op, value),
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
                simple,
            } => self.ann_assign(s, target, annotation, value.as_deref(), *simple),
            StmtKind::For {
                is_async: false, ..
            } => self.for_stmt(s),
            StmtKind::For { is_async: true, .. } => self.async_for(s),
            StmtKind::While { test, body, orelse } => {
                let lp = self.new_label();
                let bodyl = self.new_label();
                let anchor = self.new_label();
                let end = self.new_label();
                self.use_label(lp);
                self.push_fblock(FBlockKind::WhileLoop, lp, end, loc)?;
                self.jump_if(loc, test, anchor, false)?;
                self.use_label(bodyl);
                self.stmts(body)?;
                self.jump_if(loc, test, bodyl, true)?;
                self.pop_fblock();
                self.use_label(anchor);
                self.stmts(orelse)?;
                self.use_label(end);
                Ok(())
            }
            StmtKind::If { test, body, orelse } => {
                let end = self.new_label();
                let next = if orelse.is_empty() {
                    end
                } else {
                    self.new_label()
                };
                self.jump_if(loc, test, next, false)?;
                self.stmts(body)?;
                if !orelse.is_empty() {
                    self.emit_jump(JUMP, end, NO_LOC);
                    self.use_label(next);
                    self.stmts(orelse)?;
                }
                self.use_label(end);
                Ok(())
            }
            StmtKind::With {
                items,
                body,
                is_async,
            } => {
                if *is_async {
                    self.async_with(s, items, body, 0)
                } else {
                    self.with_stmt(s, items, body, 0)
                }
            }
            StmtKind::Match { subject, cases } => self.match_stmt(s, subject, cases),
            StmtKind::Raise { exc, cause } => {
                let mut n = 0;
                if let Some(e) = exc {
                    self.expr(e)?;
                    n = 1;
                    if let Some(c) = cause {
                        self.expr(c)?;
                        n = 2;
                    }
                }
                self.emit(RaiseVarargs, n, loc);
                Ok(())
            }
            StmtKind::Try {
                is_star: false,
                handlers,
                finalbody,
                ..
            } => {
                if finalbody.is_empty() {
                    self.try_except(s)
                } else {
                    let _ = handlers;
                    self.try_finally(s)
                }
            }
            StmtKind::Try {
                is_star: true,
                finalbody,
                ..
            } => {
                if finalbody.is_empty() {
                    self.try_star_except(s)
                } else {
                    self.try_finally(s)
                }
            }
            StmtKind::Assert { test, msg } => {
                if let ExprKind::Tuple { elts, .. } = &test.node {
                    if !elts.is_empty() {
                        super::warn::warn(
                            s.loc,
                            "assertion is always true, perhaps remove parentheses?".to_string(),
                        );
                    }
                }
                if self.optimize > 0 {
                    return Ok(());
                }
                let end = self.new_label();
                self.jump_if(loc, test, end, true)?;
                self.emit(LoadAssertionError, 0, loc);
                if let Some(m) = msg {
                    self.expr(m)?;
                    self.emit(Call, 0, loc);
                }
                // CPython 3.13 blames the raise on the test expression.
                self.emit(RaiseVarargs, 1, loc_of(test.loc));
                self.use_label(end);
                Ok(())
            }
            StmtKind::Import { names } => self.import(s, names),
            StmtKind::ImportFrom {
                module,
                names,
                level,
            } => self.import_from(s, module.as_deref(), names, *level),
            StmtKind::Global { .. } | StmtKind::Nonlocal { .. } => Ok(()),
            StmtKind::Expr { value } => {
                if self.interactive && self.units.len() == 1 {
                    self.expr(value)?;
                    self.emit(CallIntrinsic1, intrinsic1::PRINT, loc);
                    self.emit(PopTop, 0, NO_LOC);
                    return Ok(());
                }
                if self.folder.fold(value).is_some() {
                    // Constant expression statements only mark the line.
                    self.emit(Nop, 0, loc);
                    return Ok(());
                }
                self.expr(value)?;
                self.emit(PopTop, 0, NO_LOC);
                Ok(())
            }
            StmtKind::Pass => {
                self.emit(Nop, 0, loc);
                Ok(())
            }
            StmtKind::Break => self.break_stmt(loc),
            StmtKind::Continue => self.continue_stmt(loc),
        }
    }

    fn return_stmt(&mut self, s: &'a Stmt, value: Option<&'a Expr>) -> R {
        let mut loc = loc_of(s.loc);
        let folded = value.and_then(|v| self.folder.fold(v));
        let preserve_tos = value.is_some() && folded.is_none();
        if !self.ste().is_function_like() {
            return self.error("'return' outside function", loc);
        }
        if value.is_some() && self.ste().coroutine && self.ste().generator {
            return self.error("'return' with value in async generator", loc);
        }
        if preserve_tos {
            self.expr(value.unwrap())?;
        } else if let Some(v) = value {
            // A constant value lends the return (and its errors) its
            // location.
            loc = loc_of(v.loc);
            self.emit(Nop, 0, loc);
        }
        if value.map_or(true, |v| v.loc.lineno != s.loc.lineno) {
            loc = loc_of(s.loc);
            self.emit(Nop, 0, loc);
        }
        self.unwind_fblock_stack(&mut loc, preserve_tos, false)?;
        match (value, folded) {
            (None, _) => self.load_const(Constant::None, loc),
            (Some(_), Some(c)) => self.load_const(c, loc),
            _ => {}
        }
        self.emit(ReturnValue, 0, loc);
        Ok(())
    }

    fn break_stmt(&mut self, loc: Loc) -> R {
        let mut l = loc;
        self.emit(Nop, 0, loc);
        let Some(idx) = self.unwind_fblock_stack(&mut l, false, true)? else {
            return self.error("'break' outside loop", loc);
        };
        let fb = self.ur().fblocks[idx].clone();
        self.unwind_fblock(&fb, &mut l, false)?;
        self.emit_jump(JUMP, fb.exit, l);
        Ok(())
    }

    fn continue_stmt(&mut self, loc: Loc) -> R {
        let mut l = loc;
        self.emit(Nop, 0, loc);
        let Some(idx) = self.unwind_fblock_stack(&mut l, false, true)? else {
            return self.error("'continue' not properly in loop", loc);
        };
        let target = self.ur().fblocks[idx].block;
        self.emit_jump(JUMP, target, l);
        Ok(())
    }

    /// Unwinds the frame blocks; with `find_loop`, stops at the innermost
    /// loop and returns its index.
    pub(super) fn unwind_fblock_stack(
        &mut self,
        loc: &mut Loc,
        preserve_tos: bool,
        find_loop: bool,
    ) -> R<Option<usize>> {
        let n = self.ur().fblocks.len();
        let mut saved = vec![];
        let mut found = None;
        let mut i = n;
        while i > 0 {
            let top = self.ur().fblocks[i - 1].clone();
            if top.kind == FBlockKind::ExceptionGroupHandler {
                return self.error(
                    "'break', 'continue' and 'return' cannot appear in an except* block",
                    *loc,
                );
            }
            if find_loop && matches!(top.kind, FBlockKind::WhileLoop | FBlockKind::ForLoop) {
                found = Some(i - 1);
                break;
            }
            let fb = self.u().fblocks.pop().expect("fblock");
            self.unwind_fblock(&fb, loc, preserve_tos)?;
            saved.push(fb);
            i -= 1;
        }
        while let Some(fb) = saved.pop() {
            self.u().fblocks.push(fb);
        }
        Ok(found)
    }

    pub(super) fn unwind_fblock(
        &mut self,
        fb: &FBlock<'a>,
        loc: &mut Loc,
        preserve_tos: bool,
    ) -> R {
        match &fb.kind {
            FBlockKind::WhileLoop
            | FBlockKind::ExceptionHandler
            | FBlockKind::ExceptionGroupHandler
            | FBlockKind::AsyncComprehensionGenerator
            | FBlockKind::StopIteration => {}
            FBlockKind::ForLoop => {
                if preserve_tos {
                    self.emit(Swap, 2, *loc);
                }
                self.emit(PopTop, 0, *loc);
            }
            FBlockKind::TryExcept => self.emit_op(POP_BLOCK, 0, *loc),
            FBlockKind::FinallyTry(body) => {
                self.emit_op(POP_BLOCK, 0, *loc);
                if preserve_tos {
                    self.push_fblock(FBlockKind::PopValue, NO_LABEL, NO_LABEL, *loc)?;
                }
                self.stmts(body)?;
                if preserve_tos {
                    self.pop_fblock();
                }
                *loc = NO_LOC;
            }
            FBlockKind::FinallyEnd => {
                if preserve_tos {
                    self.emit(Swap, 2, *loc);
                }
                self.emit(PopTop, 0, *loc);
                if preserve_tos {
                    self.emit(Swap, 2, *loc);
                }
                self.emit_op(POP_BLOCK, 0, *loc);
                self.emit(PopExcept, 0, *loc);
            }
            FBlockKind::With | FBlockKind::AsyncWith => {
                *loc = fb.loc;
                self.emit_op(POP_BLOCK, 0, *loc);
                if preserve_tos {
                    self.emit(Swap, 2, *loc);
                }
                self.call_exit_with_nones(*loc);
                if fb.kind == FBlockKind::AsyncWith {
                    self.emit(GetAwaitable, 2, *loc);
                    self.load_const(Constant::None, *loc);
                    self.yield_from(*loc, true);
                }
                self.emit(PopTop, 0, *loc);
                *loc = NO_LOC;
            }
            FBlockKind::HandlerCleanup(name) => {
                if name.is_some() {
                    self.emit_op(POP_BLOCK, 0, *loc);
                }
                if preserve_tos {
                    self.emit(Swap, 2, *loc);
                }
                self.emit_op(POP_BLOCK, 0, *loc);
                self.emit(PopExcept, 0, *loc);
                if let Some(n) = name {
                    self.load_const(Constant::None, *loc);
                    self.nameop(n, ExprContext::Store, *loc)?;
                    self.nameop(n, ExprContext::Del, *loc)?;
                }
            }
            FBlockKind::PopValue => {
                if preserve_tos {
                    self.emit(Swap, 2, *loc);
                }
                self.emit(PopTop, 0, *loc);
            }
        }
        Ok(())
    }

    pub(super) fn call_exit_with_nones(&mut self, loc: Loc) {
        self.load_const(Constant::None, loc);
        self.load_const(Constant::None, loc);
        self.load_const(Constant::None, loc);
        self.emit(Call, 2, loc);
    }

    /// CPython's `compiler_add_yield_from`.
    pub(super) fn yield_from(&mut self, loc: Loc, is_await: bool) {
        let send = self.new_label();
        let fail = self.new_label();
        let exit = self.new_label();
        self.use_label(send);
        self.jump(Send, exit, loc);
        self.emit_jump(SETUP_FINALLY, fail, loc);
        self.emit(YieldValue, 1, loc);
        self.emit_op(POP_BLOCK, 0, NO_LOC);
        self.emit(Resume, if is_await { 3 } else { 2 }, loc);
        self.emit_jump(JUMP_NO_INTERRUPT, send, loc);
        self.use_label(fail);
        self.emit(CleanupThrow, 0, loc);
        self.use_label(exit);
        self.emit(EndSend, 0, loc);
    }

    fn pop_except_and_reraise(&mut self) {
        self.emit(Copy, 3, NO_LOC);
        self.emit(PopExcept, 0, NO_LOC);
        self.emit(Reraise, 1, NO_LOC);
    }

    fn for_stmt(&mut self, s: &'a Stmt) -> R {
        let StmtKind::For {
            target,
            iter,
            body,
            orelse,
            ..
        } = &s.node
        else {
            unreachable!()
        };
        let start = self.new_label();
        let bodyl = self.new_label();
        let cleanup = self.new_label();
        let end = self.new_label();
        self.push_fblock(FBlockKind::ForLoop, start, end, loc_of(s.loc))?;
        self.iter_expr(iter)?;
        let loc = loc_of(iter.loc);
        self.emit(GetIter, 0, loc);
        self.use_label(start);
        self.jump(ForIter, cleanup, loc);
        self.emit(Nop, 0, loc_of(target.loc));
        self.use_label(bodyl);
        self.expr(target)?;
        self.stmts(body)?;
        self.emit_jump(JUMP, start, NO_LOC);
        self.use_label(cleanup);
        self.emit(EndFor, 0, NO_LOC);
        self.emit(PopTop, 0, NO_LOC);
        self.pop_fblock();
        self.stmts(orelse)?;
        self.use_label(end);
        Ok(())
    }

    /// Iterables of `for` loops and comprehensions, and the right operand
    /// of `in`: a list display becomes a tuple (CPython's `fold_iter`; its
    /// frozenset form of constant sets is not available, see module docs).
    pub(super) fn iter_expr(&mut self, e: &'a Expr) -> R {
        if let ExprKind::List {
            elts,
            ctx: ExprContext::Load,
        } = &e.node
        {
            if !elts
                .iter()
                .any(|x| matches!(x.node, ExprKind::Starred { .. }))
            {
                let loc = loc_of(e.loc);
                let consts: Option<Vec<Constant>> =
                    elts.iter().map(|x| self.folder.fold(x)).collect();
                if let Some(c) = consts {
                    self.load_const(Constant::Tuple(c), loc);
                    return Ok(());
                }
                return self.starunpack(
                    loc,
                    &super::expr::refs(elts),
                    0,
                    BuildList,
                    ListAppend,
                    ListExtend,
                    true,
                );
            }
        }
        self.expr(e)
    }

    fn async_for(&mut self, s: &'a Stmt) -> R {
        let StmtKind::For {
            target,
            iter,
            body,
            orelse,
            ..
        } = &s.node
        else {
            unreachable!()
        };
        let loc = loc_of(s.loc);
        if !self.is_top_level_await() && self.ur().scope_type != ScopeType::AsyncFunction {
            return self.error("'async for' outside async function", loc);
        }
        let start = self.new_label();
        let except = self.new_label();
        let end = self.new_label();
        self.expr(iter)?;
        self.emit(GetAiter, 0, loc);
        self.use_label(start);
        self.push_fblock(FBlockKind::ForLoop, start, end, loc)?;
        self.emit_jump(SETUP_FINALLY, except, loc);
        self.emit(GetAnext, 0, loc);
        self.load_const(Constant::None, loc);
        self.yield_from(loc, true);
        self.emit_op(POP_BLOCK, 0, loc);
        self.expr(target)?;
        self.stmts(body)?;
        self.emit_jump(JUMP, start, NO_LOC);
        self.pop_fblock();
        self.use_label(except);
        self.emit(EndAsyncFor, 0, loc_of(iter.loc));
        self.stmts(orelse)?;
        self.use_label(end);
        Ok(())
    }

    fn try_except(&mut self, s: &'a Stmt) -> R {
        let StmtKind::Try {
            body,
            handlers,
            orelse,
            ..
        } = &s.node
        else {
            unreachable!()
        };
        let loc = loc_of(s.loc);
        let bodyl = self.new_label();
        let mut except = self.new_label();
        let end = self.new_label();
        let cleanup = self.new_label();
        self.emit_jump(SETUP_FINALLY, except, loc);
        self.use_label(bodyl);
        self.push_fblock(FBlockKind::TryExcept, bodyl, NO_LABEL, loc)?;
        self.stmts(body)?;
        self.pop_fblock();
        self.emit_op(POP_BLOCK, 0, NO_LOC);
        self.stmts(orelse)?;
        self.emit_jump(JUMP, end, NO_LOC);
        self.use_label(except);
        self.emit_jump(SETUP_CLEANUP, cleanup, NO_LOC);
        self.emit(PushExcInfo, 0, NO_LOC);
        self.push_fblock(FBlockKind::ExceptionHandler, NO_LABEL, NO_LABEL, loc)?;
        let n = handlers.len();
        for (i, h) in handlers.iter().enumerate() {
            let hl = loc_of(h.loc);
            if h.type_.is_none() && i + 1 < n {
                return self.error("default 'except:' must be last", hl);
            }
            except = self.new_label();
            if let Some(t) = &h.type_ {
                self.expr(t)?;
                self.emit(CheckExcMatch, 0, hl);
                self.jump(PopJumpIfFalse, except, hl);
            }
            self.handler_body(h, hl, end)?;
            self.use_label(except);
        }
        self.pop_fblock();
        self.emit(Reraise, 0, NO_LOC);
        self.use_label(cleanup);
        self.pop_except_and_reraise();
        self.use_label(end);
        Ok(())
    }

    fn handler_body(&mut self, h: &'a ExceptHandler, hl: Loc, end: usize) -> R {
        if let Some(name) = &h.name {
            let cleanup_end = self.new_label();
            let cleanup_body = self.new_label();
            self.nameop(name, ExprContext::Store, hl)?;
            self.emit_jump(SETUP_CLEANUP, cleanup_end, hl);
            self.use_label(cleanup_body);
            self.push_fblock(
                FBlockKind::HandlerCleanup(Some(name.clone())),
                cleanup_body,
                NO_LABEL,
                hl,
            )?;
            self.stmts(&h.body)?;
            self.pop_fblock();
            self.emit_op(POP_BLOCK, 0, NO_LOC);
            self.emit_op(POP_BLOCK, 0, NO_LOC);
            self.emit(PopExcept, 0, NO_LOC);
            self.load_const(Constant::None, NO_LOC);
            self.nameop(name, ExprContext::Store, NO_LOC)?;
            self.nameop(name, ExprContext::Del, NO_LOC)?;
            self.emit_jump(JUMP_NO_INTERRUPT, end, NO_LOC);
            self.use_label(cleanup_end);
            self.load_const(Constant::None, NO_LOC);
            self.nameop(name, ExprContext::Store, NO_LOC)?;
            self.nameop(name, ExprContext::Del, NO_LOC)?;
            self.emit(Reraise, 1, NO_LOC);
        } else {
            let cleanup_body = self.new_label();
            self.emit(PopTop, 0, hl);
            self.use_label(cleanup_body);
            self.push_fblock(FBlockKind::HandlerCleanup(None), cleanup_body, NO_LABEL, hl)?;
            self.stmts(&h.body)?;
            self.pop_fblock();
            self.emit_op(POP_BLOCK, 0, NO_LOC);
            self.emit(PopExcept, 0, NO_LOC);
            self.emit_jump(JUMP_NO_INTERRUPT, end, NO_LOC);
        }
        Ok(())
    }

    fn try_finally(&mut self, s: &'a Stmt) -> R {
        let StmtKind::Try {
            body,
            handlers,
            finalbody,
            is_star,
            ..
        } = &s.node
        else {
            unreachable!()
        };
        let loc = loc_of(s.loc);
        let bodyl = self.new_label();
        let end = self.new_label();
        let exit = self.new_label();
        let cleanup = self.new_label();
        self.emit_jump(SETUP_FINALLY, end, loc);
        self.use_label(bodyl);
        self.push_fblock(FBlockKind::FinallyTry(finalbody), bodyl, end, loc)?;
        if !handlers.is_empty() {
            if *is_star {
                self.try_star_except(s)?;
            } else {
                self.try_except(s)?;
            }
        } else {
            self.stmts(body)?;
        }
        self.emit_op(POP_BLOCK, 0, NO_LOC);
        self.pop_fblock();
        self.stmts(finalbody)?;
        self.emit_jump(JUMP, exit, NO_LOC);
        self.use_label(end);
        self.emit_jump(SETUP_CLEANUP, cleanup, NO_LOC);
        self.emit(PushExcInfo, 0, NO_LOC);
        self.push_fblock(FBlockKind::FinallyEnd, end, NO_LABEL, NO_LOC)?;
        self.stmts(finalbody)?;
        self.pop_fblock();
        self.emit(Reraise, 0, NO_LOC);
        self.use_label(cleanup);
        self.pop_except_and_reraise();
        self.use_label(exit);
        Ok(())
    }

    fn try_star_except(&mut self, s: &'a Stmt) -> R {
        let StmtKind::Try {
            body,
            handlers,
            orelse,
            ..
        } = &s.node
        else {
            unreachable!()
        };
        let loc = loc_of(s.loc);
        let bodyl = self.new_label();
        let mut except = self.new_label();
        let orelse_l = self.new_label();
        let end = self.new_label();
        let cleanup = self.new_label();
        let reraise_star = self.new_label();
        self.emit_jump(SETUP_FINALLY, except, loc);
        self.use_label(bodyl);
        self.push_fblock(FBlockKind::TryExcept, bodyl, NO_LABEL, loc)?;
        self.stmts(body)?;
        self.pop_fblock();
        self.emit_op(POP_BLOCK, 0, NO_LOC);
        self.emit_jump(JUMP, orelse_l, NO_LOC);
        self.use_label(except);
        self.emit_jump(SETUP_CLEANUP, cleanup, NO_LOC);
        self.emit(PushExcInfo, 0, NO_LOC);
        self.push_fblock(FBlockKind::ExceptionGroupHandler, NO_LABEL, NO_LABEL, loc)?;
        let n = handlers.len();
        for (i, h) in handlers.iter().enumerate() {
            let hl = loc_of(h.loc);
            except = self.new_label();
            let except_with_error = self.new_label();
            let no_match = self.new_label();
            if i == 0 {
                self.emit(BuildList, 0, hl);
                self.emit(Copy, 2, hl);
            }
            if let Some(t) = &h.type_ {
                self.expr(t)?;
                self.emit(CheckEgMatch, 0, hl);
                self.emit(Copy, 1, hl);
                self.jump(PopJumpIfNone, no_match, hl);
            }
            let cleanup_end = self.new_label();
            let cleanup_body = self.new_label();
            match &h.name {
                Some(name) => self.nameop(name, ExprContext::Store, hl)?,
                None => self.emit(PopTop, 0, hl),
            }
            self.emit_jump(SETUP_CLEANUP, cleanup_end, hl);
            self.use_label(cleanup_body);
            self.push_fblock(
                FBlockKind::HandlerCleanup(h.name.clone()),
                cleanup_body,
                NO_LABEL,
                hl,
            )?;
            self.stmts(&h.body)?;
            self.pop_fblock();
            self.emit_op(POP_BLOCK, 0, NO_LOC);
            if let Some(name) = &h.name {
                self.load_const(Constant::None, NO_LOC);
                self.nameop(name, ExprContext::Store, NO_LOC)?;
                self.nameop(name, ExprContext::Del, NO_LOC)?;
            }
            self.emit_jump(JUMP, except, NO_LOC);
            self.use_label(cleanup_end);
            if let Some(name) = &h.name {
                self.load_const(Constant::None, NO_LOC);
                self.nameop(name, ExprContext::Store, NO_LOC)?;
                self.nameop(name, ExprContext::Del, NO_LOC)?;
            }
            self.emit(ListAppend, 3, NO_LOC);
            self.emit(PopTop, 0, NO_LOC);
            self.emit_jump(JUMP, except_with_error, NO_LOC);
            self.use_label(except);
            self.emit(Nop, 0, NO_LOC);
            self.emit_jump(JUMP, except_with_error, NO_LOC);
            self.use_label(no_match);
            self.emit(PopTop, 0, hl);
            self.use_label(except_with_error);
            if i + 1 == n {
                self.emit(ListAppend, 1, NO_LOC);
                self.emit_jump(JUMP, reraise_star, NO_LOC);
            }
        }
        self.pop_fblock();
        let reraise = self.new_label();
        self.use_label(reraise_star);
        self.emit(CallIntrinsic2, intrinsic2::PREP_RERAISE_STAR, NO_LOC);
        self.emit(Copy, 1, NO_LOC);
        self.jump(PopJumpIfNotNone, reraise, NO_LOC);
        self.emit(PopTop, 0, NO_LOC);
        self.emit_op(POP_BLOCK, 0, NO_LOC);
        self.emit(PopExcept, 0, NO_LOC);
        self.emit_jump(JUMP, end, NO_LOC);
        self.use_label(reraise);
        self.emit_op(POP_BLOCK, 0, NO_LOC);
        self.emit(Swap, 2, NO_LOC);
        self.emit(PopExcept, 0, NO_LOC);
        self.emit(Reraise, 0, NO_LOC);
        self.use_label(cleanup);
        self.pop_except_and_reraise();
        self.use_label(orelse_l);
        self.stmts(orelse)?;
        self.use_label(end);
        Ok(())
    }

    fn with_except_finish(&mut self, cleanup: usize) {
        let suppress = self.new_label();
        let exit = self.new_label();
        self.emit(ToBool, 0, NO_LOC);
        self.jump(PopJumpIfTrue, suppress, NO_LOC);
        self.emit(Reraise, 2, NO_LOC);
        self.use_label(suppress);
        self.emit(PopTop, 0, NO_LOC);
        self.emit_op(POP_BLOCK, 0, NO_LOC);
        self.emit(PopExcept, 0, NO_LOC);
        self.emit(PopTop, 0, NO_LOC);
        self.emit(PopTop, 0, NO_LOC);
        self.emit_jump(JUMP_NO_INTERRUPT, exit, NO_LOC);
        self.use_label(cleanup);
        self.pop_except_and_reraise();
        self.use_label(exit);
    }

    fn with_stmt(&mut self, s: &'a Stmt, items: &'a [WithItem], body: &'a [Stmt], pos: usize) -> R {
        let item = &items[pos];
        let block = self.new_label();
        let fin = self.new_label();
        let exit = self.new_label();
        let cleanup = self.new_label();
        self.expr(&item.context_expr)?;
        let loc = loc_of(item.context_expr.loc);
        self.emit(BeforeWith, 0, loc);
        self.emit_jump(SETUP_WITH, fin, loc);
        self.use_label(block);
        self.push_fblock(FBlockKind::With, block, fin, loc)?;
        match &item.optional_vars {
            Some(v) => self.expr(v)?,
            None => self.emit(PopTop, 0, loc),
        }
        if pos + 1 == items.len() {
            self.stmts(body)?;
        } else {
            self.with_stmt(s, items, body, pos + 1)?;
        }
        self.emit_op(POP_BLOCK, 0, NO_LOC);
        self.pop_fblock();
        self.call_exit_with_nones(loc);
        self.emit(PopTop, 0, loc);
        self.emit_jump(JUMP, exit, loc);
        self.use_label(fin);
        self.emit_jump(SETUP_CLEANUP, cleanup, loc);
        self.emit(PushExcInfo, 0, loc);
        self.emit(WithExceptStart, 0, loc);
        self.with_except_finish(cleanup);
        self.use_label(exit);
        Ok(())
    }

    fn async_with(
        &mut self,
        s: &'a Stmt,
        items: &'a [WithItem],
        body: &'a [Stmt],
        pos: usize,
    ) -> R {
        if !self.is_top_level_await() && self.ur().scope_type != ScopeType::AsyncFunction {
            return self.error("'async with' outside async function", loc_of(s.loc));
        }
        let item = &items[pos];
        let block = self.new_label();
        let fin = self.new_label();
        let exit = self.new_label();
        let cleanup = self.new_label();
        self.expr(&item.context_expr)?;
        let loc = loc_of(item.context_expr.loc);
        self.emit(BeforeAsyncWith, 0, loc);
        self.emit(GetAwaitable, 1, loc);
        self.load_const(Constant::None, loc);
        self.yield_from(loc, true);
        self.emit_jump(SETUP_WITH, fin, loc);
        self.use_label(block);
        self.push_fblock(FBlockKind::AsyncWith, block, fin, loc)?;
        match &item.optional_vars {
            Some(v) => self.expr(v)?,
            None => self.emit(PopTop, 0, loc),
        }
        if pos + 1 == items.len() {
            self.stmts(body)?;
        } else {
            self.async_with(s, items, body, pos + 1)?;
        }
        self.pop_fblock();
        self.emit_op(POP_BLOCK, 0, loc);
        self.call_exit_with_nones(loc);
        self.emit(GetAwaitable, 2, loc);
        self.load_const(Constant::None, loc);
        self.yield_from(loc, true);
        self.emit(PopTop, 0, loc);
        self.emit_jump(JUMP, exit, loc);
        self.use_label(fin);
        self.emit_jump(SETUP_CLEANUP, cleanup, loc);
        self.emit(PushExcInfo, 0, loc);
        self.emit(WithExceptStart, 0, loc);
        self.emit(GetAwaitable, 2, loc);
        self.load_const(Constant::None, loc);
        self.yield_from(loc, true);
        self.with_except_finish(cleanup);
        self.use_label(exit);
        Ok(())
    }

    fn import(&mut self, s: &'a Stmt, names: &'a [Alias]) -> R {
        let loc = loc_of(s.loc);
        for a in names {
            self.load_const(Constant::Int(0.into()), loc);
            self.load_const(Constant::None, loc);
            let i = self.u().names.add(&a.name);
            self.emit(ImportName, i, loc);
            if let Some(asname) = &a.asname {
                // `import a.b.c as d` binds the leaf module.
                let parts: Vec<&str> = a.name.split('.').collect();
                if parts.len() > 1 {
                    for (k, p) in parts[1..].iter().enumerate() {
                        let pi = self.u().names.add(p);
                        self.emit(ImportFrom, pi, loc);
                        if k + 2 < parts.len() {
                            self.emit(Swap, 2, loc);
                            self.emit(PopTop, 0, loc);
                        }
                    }
                    self.nameop(asname, ExprContext::Store, loc)?;
                    self.emit(PopTop, 0, loc);
                } else {
                    self.nameop(asname, ExprContext::Store, loc)?;
                }
            } else {
                let first = a.name.split('.').next().unwrap_or("");
                self.nameop(first, ExprContext::Store, loc)?;
            }
        }
        Ok(())
    }

    fn import_from(
        &mut self,
        s: &'a Stmt,
        module: Option<&str>,
        names: &'a [Alias],
        level: u32,
    ) -> R {
        let loc = loc_of(s.loc);
        self.load_const(Constant::Int(level.into()), loc);
        let fromlist: Vec<Constant> = names
            .iter()
            .map(|a| Constant::Str(a.name.clone()))
            .collect();
        self.load_const(Constant::Tuple(fromlist), loc);
        let m = module.unwrap_or("");
        if module == Some("__future__") && level == 0 {
            let here = (s.loc.lineno, s.loc.col_offset);
            let after = match self.st.future_loc {
                None => true,
                Some(f) => here.0 > f.0 || (here.0 == f.0 && here.1 > f.1),
            };
            if after {
                return self.error(
                    "from __future__ imports must occur at the beginning of the file",
                    loc,
                );
            }
        }
        let i = self.u().names.add(m);
        self.emit(ImportName, i, loc);
        for (k, a) in names.iter().enumerate() {
            if a.name == "*" {
                let _ = k;
                self.emit(CallIntrinsic1, intrinsic1::IMPORT_STAR, loc);
                self.emit(PopTop, 0, NO_LOC);
                return Ok(());
            }
            let ni = self.u().names.add(&a.name);
            self.emit(ImportFrom, ni, loc);
            let store = a.asname.as_deref().unwrap_or(&a.name);
            self.nameop(store, ExprContext::Store, loc)?;
        }
        self.emit(PopTop, 0, loc);
        Ok(())
    }

    fn aug_assign(&mut self, s: &'a Stmt, target: &'a Expr, op: Operator, value: &'a Expr) -> R {
        let sloc = loc_of(s.loc);
        // CPython uses the target's span for the load and store parts and
        // the statement's span for the operation.
        let loc = loc_of(target.loc);
        match &target.node {
            ExprKind::Attribute {
                value: obj, attr, ..
            } => {
                self.expr(obj)?;
                self.emit(Copy, 1, loc);
                let l = self.attr_loc(loc_of(target.loc), target);
                let i = self.add_name(attr);
                self.emit(LoadAttr, i << 1, l);
            }
            ExprKind::Subscript {
                value: obj, slice, ..
            } => {
                self.expr(obj)?;
                if let Some((lo, hi)) = self.two_elem_slice(slice) {
                    self.slice_bound(lo)?;
                    self.slice_bound(hi)?;
                    self.emit(Copy, 3, loc);
                    self.emit(Copy, 3, loc);
                    self.emit(Copy, 3, loc);
                    self.emit(BinarySlice, 0, loc);
                } else {
                    self.expr(slice)?;
                    self.emit(Copy, 2, loc);
                    self.emit(Copy, 2, loc);
                    self.emit(BinarySubscr, 0, loc);
                }
            }
            ExprKind::Name { id, .. } => self.nameop(id, ExprContext::Load, loc_of(target.loc))?,
            _ => return self.error("invalid node type for augmented assignment", sloc),
        }
        self.expr(value)?;
        self.emit(
            BinaryOp,
            super::expr::binop_arg(op) + crate::binop::INPLACE_ADD,
            sloc,
        );
        match &target.node {
            ExprKind::Attribute { attr, .. } => {
                let l = self.attr_loc(loc_of(target.loc), target);
                self.emit(Swap, 2, l);
                let i = self.add_name(attr);
                self.emit(StoreAttr, i, l);
            }
            ExprKind::Subscript { slice, .. } => {
                if self.two_elem_slice(slice).is_some() {
                    self.emit(Swap, 4, loc);
                    self.emit(Swap, 3, loc);
                    self.emit(Swap, 2, loc);
                    self.emit(StoreSlice, 0, loc);
                } else {
                    self.emit(Swap, 3, loc);
                    self.emit(Swap, 2, loc);
                    self.emit(StoreSubscr, 0, loc);
                }
            }
            ExprKind::Name { id, .. } => self.nameop(id, ExprContext::Store, loc_of(target.loc))?,
            _ => {}
        }
        Ok(())
    }

    fn ann_assign(
        &mut self,
        s: &'a Stmt,
        target: &'a Expr,
        ann: &'a Expr,
        value: Option<&'a Expr>,
        simple: bool,
    ) -> R {
        let loc = loc_of(s.loc);
        if let Some(v) = value {
            self.expr(v)?;
            self.expr(target)?;
        }
        match &target.node {
            ExprKind::Name { id, .. } => {
                if simple && matches!(self.ur().scope_type, ScopeType::Module | ScopeType::Class) {
                    if self.st.future_annotations {
                        let text = crate::unparse::unparse(ann);
                        self.load_const(Constant::Str(text), loc_of(ann.loc));
                    } else {
                        self.expr(ann)?;
                    }
                    let ai = self.u().names.add("__annotations__");
                    self.emit(LoadName, ai, loc);
                    let m = self.mangle(id);
                    self.load_const(Constant::Str(m), loc);
                    self.emit(StoreSubscr, 0, loc);
                }
            }
            ExprKind::Attribute { value: obj, .. } => {
                if value.is_none() {
                    self.check_ann_expr(obj)?;
                }
            }
            ExprKind::Subscript {
                value: obj, slice, ..
            } => {
                if value.is_none() {
                    self.check_ann_expr(obj)?;
                    self.check_ann_expr(slice)?;
                }
            }
            _ => return self.error("invalid node type for annotated assignment", loc),
        }
        if !simple || !matches!(target.node, ExprKind::Name { .. }) {
            // Annotations of complex targets are evaluated (and dropped)
            // outside functions unless postponed.
            if !self.st.future_annotations
                && matches!(self.ur().scope_type, ScopeType::Module | ScopeType::Class)
            {
                self.expr(ann)?;
                self.emit(PopTop, 0, loc);
            }
        }
        Ok(())
    }

    fn check_ann_expr(&mut self, e: &'a Expr) -> R {
        self.expr(e)?;
        self.emit(PopTop, 0, loc_of(e.loc));
        Ok(())
    }
}
