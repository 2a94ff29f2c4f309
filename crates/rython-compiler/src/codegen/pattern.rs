//! `match` statements (PEP 634), compiled as CPython 3.13's
//! compiler_match / compiler_pattern_* do: the subject stays on the stack,
//! captured values are rotated beneath it and stored only on success, and
//! failures jump to "fail_pop" blocks that pop what has been pushed.

use super::*;
use crate::flowgraph::JUMP;
use crate::fold::truthy;
use rython_parser::ast::{MatchCase, Pattern, PatternKind};
use Opcode::*;

#[derive(Clone, Default)]
struct PatternContext {
    stores: Vec<String>,
    allow_irrefutable: bool,
    fail_pop: Vec<usize>,
    on_top: u32,
}

fn is_wildcard(p: &Pattern) -> bool {
    matches!(
        &p.node,
        PatternKind::MatchAs {
            pattern: None,
            name: None
        }
    )
}

fn is_star_wildcard(p: &Pattern) -> bool {
    matches!(&p.node, PatternKind::MatchStar { name: None })
}

/// Python equality of two constant mapping keys (`1 == 1.0 == True`).
fn const_eq(a: &Constant, b: &Constant) -> bool {
    use num_traits::ToPrimitive;
    let num = |c: &Constant| -> Option<f64> {
        match c {
            Constant::Bool(x) => Some(*x as i32 as f64),
            Constant::Int(i) => i.to_f64(),
            Constant::Float(f) => Some(*f),
            _ => None,
        }
    };
    match (a, b) {
        (Constant::Int(x), Constant::Int(y)) => x == y,
        _ => match (num(a), num(b)) {
            (Some(x), Some(y)) => x == y,
            _ => a == b,
        },
    }
}

impl<'a> Compiler<'a> {
    pub(super) fn match_stmt(
        &mut self,
        _s: &'a Stmt,
        subject: &'a Expr,
        cases: &'a [MatchCase],
    ) -> R {
        self.expr(subject)?;
        let end = self.new_label();
        let n = cases.len();
        let has_default = n > 1 && is_wildcard(&cases[n - 1].pattern);
        let mut pc = PatternContext::default();
        for (i, m) in cases[..n - has_default as usize].iter().enumerate() {
            let pl = loc_of(m.pattern.loc);
            let last = i + 1 == n - has_default as usize;
            if !last {
                self.emit(Copy, 1, pl);
            }
            pc.stores = vec![];
            pc.allow_irrefutable = m.guard.is_some() || i + 1 == n;
            pc.fail_pop = vec![];
            pc.on_top = 0;
            self.pattern(&m.pattern, &mut pc)?;
            let stores = std::mem::take(&mut pc.stores);
            for name in &stores {
                self.nameop(name, ExprContext::Store, pl)?;
            }
            if let Some(g) = &m.guard {
                self.ensure_fail_pop(&mut pc, 0);
                let target = pc.fail_pop[0];
                self.jump_if(pl, g, target, false)?;
            }
            if !last {
                self.emit(PopTop, 0, pl);
            }
            self.stmts(&m.body)?;
            self.emit_jump(JUMP, end, NO_LOC);
            self.emit_and_reset_fail_pop(pl, &mut pc);
        }
        if has_default {
            let m = &cases[n - 1];
            let pl = loc_of(m.pattern.loc);
            if n == 1 {
                self.emit(PopTop, 0, pl);
            } else {
                self.emit(Nop, 0, pl);
            }
            if let Some(g) = &m.guard {
                self.jump_if(pl, g, end, false)?;
            }
            self.stmts(&m.body)?;
        }
        self.use_label(end);
        Ok(())
    }

    fn ensure_fail_pop(&mut self, pc: &mut PatternContext, n: usize) {
        while pc.fail_pop.len() < n + 1 {
            let l = self.new_label();
            pc.fail_pop.push(l);
        }
    }

    fn jump_to_fail_pop(&mut self, loc: Loc, pc: &mut PatternContext, o: Op) {
        let pops = pc.on_top as usize + pc.stores.len();
        self.ensure_fail_pop(pc, pops);
        self.emit_jump(o, pc.fail_pop[pops], loc);
    }

    fn emit_and_reset_fail_pop(&mut self, loc: Loc, pc: &mut PatternContext) {
        if pc.fail_pop.is_empty() {
            return;
        }
        for k in (1..pc.fail_pop.len()).rev() {
            self.use_label(pc.fail_pop[k]);
            self.emit(PopTop, 0, loc);
        }
        self.use_label(pc.fail_pop[0]);
        pc.fail_pop.clear();
    }

    fn rotate(&mut self, loc: Loc, mut count: u32) {
        while count > 1 {
            self.emit(Swap, count, loc);
            count -= 1;
        }
    }

    fn store_name(&mut self, loc: Loc, name: Option<&str>, pc: &mut PatternContext) -> R {
        let Some(n) = name else {
            self.emit(PopTop, 0, loc);
            return Ok(());
        };
        if n == "__debug__" {
            return self.error("cannot assign to __debug__", loc);
        }
        if pc.stores.iter().any(|s| s == n) {
            return self.error(
                format!("multiple assignments to name '{n}' in pattern"),
                loc,
            );
        }
        let rotations = pc.on_top + pc.stores.len() as u32 + 1;
        self.rotate(loc, rotations);
        pc.stores.push(n.to_string());
        Ok(())
    }

    fn subpattern(&mut self, p: &'a Pattern, pc: &mut PatternContext) -> R {
        let saved = pc.allow_irrefutable;
        pc.allow_irrefutable = true;
        self.pattern(p, pc)?;
        pc.allow_irrefutable = saved;
        Ok(())
    }

    fn pattern(&mut self, p: &'a Pattern, pc: &mut PatternContext) -> R {
        self.enter_nesting(loc_of(p.loc))?;
        let r = self.pattern_inner(p, pc);
        self.depth -= 1;
        r
    }

    fn pattern_inner(&mut self, p: &'a Pattern, pc: &mut PatternContext) -> R {
        let loc = loc_of(p.loc);
        match &p.node {
            PatternKind::MatchValue { value } => {
                match self.folder.fold(value) {
                    Some(c) => self.load_const(c, loc_of(value.loc)),
                    None => {
                        if !matches!(value.node, ExprKind::Attribute { .. }) {
                            return self.error(
                                "patterns may only match literals and attribute lookups",
                                loc,
                            );
                        }
                        self.expr(value)?;
                    }
                }
                self.emit(CompareOp, (crate::cmp::EQ << 5) | 8, loc);
                self.emit(ToBool, 0, loc);
                self.jump_to_fail_pop(loc, pc, op(PopJumpIfFalse));
            }
            PatternKind::MatchSingleton { value } => {
                self.load_const(value.clone(), loc);
                self.emit(IsOp, 0, loc);
                self.jump_to_fail_pop(loc, pc, op(PopJumpIfFalse));
            }
            PatternKind::MatchSequence { patterns } => self.pattern_sequence(loc, patterns, pc)?,
            PatternKind::MatchMapping {
                keys,
                patterns,
                rest,
            } => self.pattern_mapping(loc, keys, patterns, rest.as_deref(), pc)?,
            PatternKind::MatchClass {
                cls,
                patterns,
                kwd_attrs,
                kwd_patterns,
            } => self.pattern_class(loc, cls, patterns, kwd_attrs, kwd_patterns, pc)?,
            PatternKind::MatchStar { name } => self.store_name(loc, name.as_deref(), pc)?,
            PatternKind::MatchAs { pattern, name } => match pattern {
                None => {
                    if !pc.allow_irrefutable {
                        return match name {
                            Some(n) => self.error(
                                format!("name capture '{n}' makes remaining patterns unreachable"),
                                loc,
                            ),
                            None => {
                                self.error("wildcard makes remaining patterns unreachable", loc)
                            }
                        };
                    }
                    self.store_name(loc, name.as_deref(), pc)?;
                }
                Some(inner) => {
                    pc.on_top += 1;
                    self.emit(Copy, 1, loc);
                    self.pattern(inner, pc)?;
                    pc.on_top -= 1;
                    self.store_name(loc, name.as_deref(), pc)?;
                }
            },
            PatternKind::MatchOr { patterns } => self.pattern_or(loc, patterns, pc)?,
        }
        Ok(())
    }

    fn pattern_sequence(
        &mut self,
        loc: Loc,
        patterns: &'a [Pattern],
        pc: &mut PatternContext,
    ) -> R {
        let size = patterns.len();
        let mut star: Option<usize> = None;
        let mut only_wildcard = true;
        let mut star_wildcard = false;
        for (i, q) in patterns.iter().enumerate() {
            if let PatternKind::MatchStar { .. } = q.node {
                if star.is_some() {
                    return self.error("multiple starred names in sequence pattern", loc);
                }
                star_wildcard = is_star_wildcard(q);
                only_wildcard &= star_wildcard;
                star = Some(i);
                continue;
            }
            only_wildcard &= is_wildcard(q);
        }
        pc.on_top += 1;
        self.emit(MatchSequence, 0, loc);
        self.jump_to_fail_pop(loc, pc, op(PopJumpIfFalse));
        match star {
            None => {
                self.emit(GetLen, 0, loc);
                self.load_const(Constant::Int(size.into()), loc);
                self.emit(CompareOp, (crate::cmp::EQ << 5) | 8, loc);
                self.jump_to_fail_pop(loc, pc, op(PopJumpIfFalse));
            }
            Some(_) if size > 1 => {
                self.emit(GetLen, 0, loc);
                self.load_const(Constant::Int((size - 1).into()), loc);
                self.emit(CompareOp, (crate::cmp::GE << 5) | 12, loc);
                self.jump_to_fail_pop(loc, pc, op(PopJumpIfFalse));
            }
            Some(_) => {}
        }
        pc.on_top -= 1;
        if only_wildcard {
            self.emit(PopTop, 0, loc);
        } else if star_wildcard {
            let star = star.unwrap_or(usize::MAX);
            pc.on_top += 1;
            for (i, q) in patterns.iter().enumerate() {
                if is_wildcard(q) || i == star {
                    continue;
                }
                self.emit(Copy, 1, loc);
                if i < star {
                    self.load_const(Constant::Int(i.into()), loc);
                } else {
                    self.emit(GetLen, 0, loc);
                    self.load_const(Constant::Int((size - i).into()), loc);
                    self.emit(BinaryOp, crate::binop::SUBTRACT, loc);
                }
                self.emit(BinarySubscr, 0, loc);
                self.subpattern(q, pc)?;
            }
            pc.on_top -= 1;
            self.emit(PopTop, 0, loc);
        } else {
            let n = patterns.len();
            let mut seen_star = false;
            for (i, q) in patterns.iter().enumerate() {
                if matches!(q.node, PatternKind::MatchStar { .. }) && !seen_star {
                    if i >= 256 || n - i - 1 >= (i32::MAX >> 8) as usize {
                        return self.error(
                            "too many expressions in star-unpacking sequence pattern",
                            loc,
                        );
                    }
                    self.emit(UnpackEx, (i + ((n - i - 1) << 8)) as u32, loc);
                    seen_star = true;
                }
            }
            if !seen_star {
                self.emit(UnpackSequence, n as u32, loc);
            }
            pc.on_top += n as u32;
            for q in patterns {
                pc.on_top -= 1;
                self.subpattern(q, pc)?;
            }
        }
        Ok(())
    }

    fn pattern_mapping(
        &mut self,
        loc: Loc,
        keys: &'a [Expr],
        patterns: &'a [Pattern],
        rest: Option<&'a str>,
        pc: &mut PatternContext,
    ) -> R {
        let size = keys.len();
        if size != patterns.len() {
            return self.error(
                format!(
                    "keys ({}) / patterns ({}) length mismatch in mapping pattern",
                    size,
                    patterns.len()
                ),
                loc,
            );
        }
        pc.on_top += 1;
        self.emit(MatchMapping, 0, loc);
        self.jump_to_fail_pop(loc, pc, op(PopJumpIfFalse));
        if size == 0 && rest.is_none() {
            pc.on_top -= 1;
            self.emit(PopTop, 0, loc);
            return Ok(());
        }
        if size > 0 {
            self.emit(GetLen, 0, loc);
            self.load_const(Constant::Int(size.into()), loc);
            self.emit(CompareOp, (crate::cmp::GE << 5) | 12, loc);
            self.jump_to_fail_pop(loc, pc, op(PopJumpIfFalse));
        }
        let mut seen: Vec<Constant> = vec![];
        for k in keys {
            if let Some(c) = self.folder.fold(k) {
                if seen.iter().any(|s| const_eq(s, &c)) {
                    let r = crate::dis::const_repr(&c);
                    return self.error(format!("mapping pattern checks duplicate key ({r})"), loc);
                }
                self.load_const(c.clone(), loc_of(k.loc));
                seen.push(c);
            } else if matches!(k.node, ExprKind::Attribute { .. }) {
                self.expr(k)?;
            } else {
                return self.error(
                    "mapping pattern keys may only match literals and attribute lookups",
                    loc,
                );
            }
        }
        self.emit(BuildTuple, size as u32, loc);
        self.emit(MatchKeys, 0, loc);
        pc.on_top += 2;
        self.emit(Copy, 1, loc);
        self.load_const(Constant::None, loc);
        self.emit(IsOp, 1, loc);
        self.jump_to_fail_pop(loc, pc, op(PopJumpIfFalse));
        self.emit(UnpackSequence, size as u32, loc);
        pc.on_top += size as u32;
        pc.on_top -= 1;
        for q in patterns {
            pc.on_top -= 1;
            self.subpattern(q, pc)?;
        }
        pc.on_top -= 2;
        if let Some(r) = rest {
            self.emit(BuildMap, 0, loc);
            self.emit(Swap, 3, loc);
            self.emit(DictUpdate, 2, loc);
            self.emit(UnpackSequence, size as u32, loc);
            let mut s = size as u32;
            while s > 0 {
                self.emit(Copy, 1 + s, loc);
                s -= 1;
                self.emit(Swap, 2, loc);
                self.emit(DeleteSubscr, 0, loc);
            }
            self.store_name(loc, Some(r), pc)?;
        } else {
            self.emit(PopTop, 0, loc);
            self.emit(PopTop, 0, loc);
        }
        Ok(())
    }

    fn pattern_class(
        &mut self,
        loc: Loc,
        cls: &'a Expr,
        patterns: &'a [Pattern],
        kwd_attrs: &'a [String],
        kwd_patterns: &'a [Pattern],
        pc: &mut PatternContext,
    ) -> R {
        let nargs = patterns.len();
        let nattrs = kwd_attrs.len();
        if nattrs != kwd_patterns.len() {
            return self.error(
                format!(
                    "kwd_attrs ({}) / kwd_patterns ({}) length mismatch in class pattern",
                    nattrs,
                    kwd_patterns.len()
                ),
                loc,
            );
        }
        for (i, a) in kwd_attrs.iter().enumerate() {
            if a == "__debug__" {
                return self.error("cannot assign to __debug__", loc_of(kwd_patterns[i].loc));
            }
            if let Some(j) = (i + 1..nattrs).find(|&j| kwd_attrs[j] == *a) {
                return self.error(
                    format!("attribute name repeated in class pattern: {a}"),
                    loc_of(kwd_patterns[j].loc),
                );
            }
        }
        self.expr(cls)?;
        let names = kwd_attrs.iter().map(|a| Constant::Str(a.clone())).collect();
        self.load_const(Constant::Tuple(names), loc);
        self.emit(MatchClass, nargs as u32, loc);
        self.emit(Copy, 1, loc);
        self.load_const(Constant::None, loc);
        self.emit(IsOp, 1, loc);
        pc.on_top += 1;
        self.jump_to_fail_pop(loc, pc, op(PopJumpIfFalse));
        let total = nargs + nattrs;
        self.emit(UnpackSequence, total as u32, loc);
        pc.on_top += total as u32;
        pc.on_top -= 1;
        for q in patterns.iter().chain(kwd_patterns) {
            pc.on_top -= 1;
            if is_wildcard(q) {
                self.emit(PopTop, 0, loc);
                continue;
            }
            self.subpattern(q, pc)?;
        }
        Ok(())
    }

    fn pattern_or(&mut self, loc: Loc, alts: &'a [Pattern], pc: &mut PatternContext) -> R {
        let end = self.new_label();
        let old = pc.clone();
        let mut control: Option<Vec<String>> = None;
        for (i, alt) in alts.iter().enumerate() {
            let al = loc_of(alt.loc);
            pc.stores = vec![];
            pc.allow_irrefutable = i + 1 == alts.len() && old.allow_irrefutable;
            pc.fail_pop = vec![];
            pc.on_top = 0;
            self.emit(Copy, 1, al);
            self.pattern(alt, pc)?;
            let nstores = pc.stores.len();
            match &control {
                None => control = Some(pc.stores.clone()),
                Some(ctl) if ctl.len() != nstores => {
                    return self.error("alternative patterns bind different names", loc);
                }
                Some(ctl) => {
                    let ctl = ctl.clone();
                    let mut icontrol = nstores;
                    while icontrol > 0 {
                        icontrol -= 1;
                        let name = &ctl[icontrol];
                        let Some(istores) = pc.stores.iter().position(|s| s == name) else {
                            return self.error("alternative patterns bind different names", loc);
                        };
                        if icontrol != istores {
                            let rotations = istores + 1;
                            let rotated: Vec<String> = pc.stores.drain(..rotations).collect();
                            let at = icontrol - istores;
                            for (k, r) in rotated.into_iter().enumerate() {
                                pc.stores.insert(at + k, r);
                            }
                            for _ in 0..rotations {
                                self.rotate(al, icontrol as u32 + 1);
                            }
                        }
                    }
                }
            }
            self.emit_jump(JUMP, end, al);
            self.emit_and_reset_fail_pop(al, pc);
        }
        let control = control.unwrap_or_default();
        *pc = old;
        self.emit(PopTop, 0, loc);
        self.jump_to_fail_pop(loc, pc, JUMP);
        self.use_label(end);
        let nstores = control.len() as u32;
        let nrots = nstores + 1 + pc.on_top + pc.stores.len() as u32;
        for name in control {
            self.rotate(loc, nrots);
            if pc.stores.contains(&name) {
                return self.error(
                    format!("multiple assignments to name '{name}' in pattern"),
                    loc,
                );
            }
            pc.stores.push(name);
        }
        self.emit(PopTop, 0, loc);
        let _ = truthy;
        Ok(())
    }
}
