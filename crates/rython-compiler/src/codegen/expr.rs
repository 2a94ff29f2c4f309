//! Expressions, calls, conditional jumps and assignment targets.

use super::*;
use crate::cmp;
use crate::flowgraph::JUMP;
use crate::intrinsic1;
use rython_parser::ast::{BoolOp, CmpOp, Keyword, Operator, UnaryOp};
use Opcode::*;

pub(crate) fn binop_arg(op: Operator) -> u32 {
    use crate::binop as b;
    match op {
        Operator::Add => b::ADD,
        Operator::Sub => b::SUBTRACT,
        Operator::Mult => b::MULTIPLY,
        Operator::MatMult => b::MATRIX_MULTIPLY,
        Operator::Div => b::TRUE_DIVIDE,
        Operator::Mod => b::REMAINDER,
        Operator::Pow => b::POWER,
        Operator::LShift => b::LSHIFT,
        Operator::RShift => b::RSHIFT,
        Operator::BitOr => b::OR,
        Operator::BitXor => b::XOR,
        Operator::BitAnd => b::AND,
        Operator::FloorDiv => b::FLOOR_DIVIDE,
    }
}

pub(super) fn refs(v: &[Expr]) -> Vec<&Expr> {
    v.iter().collect()
}

fn is_starred(e: &Expr) -> bool {
    matches!(e.node, ExprKind::Starred { .. })
}

impl<'a> Compiler<'a> {
    pub(super) fn expr_inner(&mut self, e: &'a Expr) -> R {
        let loc = loc_of(e.loc);
        // Folded constants (CPython folds in its AST optimizer).
        if matches!(
            e.node,
            ExprKind::UnaryOp { .. }
                | ExprKind::BinOp { .. }
                | ExprKind::Tuple {
                    ctx: ExprContext::Load,
                    ..
                }
                | ExprKind::Subscript {
                    ctx: ExprContext::Load,
                    ..
                }
        ) || matches!(&e.node, ExprKind::Name { id, ctx: ExprContext::Load } if id == "__debug__")
        {
            if let Some(c) = self.folder.fold(e) {
                self.load_const(c, loc);
                return Ok(());
            }
        }
        match &e.node {
            ExprKind::NamedExpr { target, value } => {
                self.expr(value)?;
                self.emit(Copy, 1, loc);
                self.expr(target)?;
            }
            ExprKind::BoolOp { op, values } => {
                let jump = if *op == BoolOp::And {
                    PopJumpIfFalse
                } else {
                    PopJumpIfTrue
                };
                let end = self.new_label();
                let n = values.len() - 1;
                for v in &values[..n] {
                    self.expr(v)?;
                    self.emit(Copy, 1, loc);
                    self.emit(ToBool, 0, loc);
                    self.jump(jump, end, loc);
                    self.emit(PopTop, 0, loc);
                }
                self.expr(&values[n])?;
                self.use_label(end);
            }
            ExprKind::BinOp { left, op, right } => {
                if *op == Operator::Mod && self.percent_format(e, left, right)? {
                    return Ok(());
                }
                self.expr(left)?;
                self.expr(right)?;
                self.emit(BinaryOp, binop_arg(*op), loc);
            }
            ExprKind::UnaryOp { op, operand } => {
                if *op == UnaryOp::Not {
                    if let Some(inv) = invert_compare(operand) {
                        return self.compare_ops(e, inv.0, &inv.1, inv.2);
                    }
                }
                self.expr(operand)?;
                match op {
                    UnaryOp::UAdd => self.emit(CallIntrinsic1, intrinsic1::UNARY_POSITIVE, loc),
                    UnaryOp::USub => self.emit(UnaryNegative, 0, loc),
                    UnaryOp::Not => {
                        self.emit(ToBool, 0, loc);
                        self.emit(UnaryNot, 0, loc);
                    }
                    UnaryOp::Invert => self.emit(UnaryInvert, 0, loc),
                }
            }
            ExprKind::Lambda { args, body } => self.lambda(e, args, body)?,
            ExprKind::IfExp { test, body, orelse } => {
                let end = self.new_label();
                let next = self.new_label();
                self.jump_if(loc, test, next, false)?;
                self.expr(body)?;
                self.emit_jump(JUMP, end, NO_LOC);
                self.use_label(next);
                self.expr(orelse)?;
                self.use_label(end);
            }
            ExprKind::Dict { keys, values } => self.dict(e, keys, values)?,
            ExprKind::Set { elts } => {
                self.starunpack(loc, &refs(elts), 0, BuildSet, SetAdd, SetUpdate, false)?
            }
            ExprKind::ListComp { .. }
            | ExprKind::SetComp { .. }
            | ExprKind::DictComp { .. }
            | ExprKind::GeneratorExp { .. } => self.comprehension(e)?,
            ExprKind::Await { value } => {
                if !self.is_top_level_await() {
                    if !self.ste().is_function_like() {
                        return self.error("'await' outside function", loc);
                    }
                    if !matches!(
                        self.ur().scope_type,
                        ScopeType::AsyncFunction | ScopeType::Comprehension
                    ) {
                        return self.error("'await' outside async function", loc);
                    }
                }
                self.expr(value)?;
                self.emit(GetAwaitable, 0, loc);
                self.load_const(Constant::None, loc);
                self.yield_from(loc, true);
            }
            ExprKind::Yield { value } => {
                if !self.ste().is_function_like() {
                    return self.error("'yield' outside function", loc);
                }
                match value {
                    Some(v) => self.expr(v)?,
                    None => self.load_const(Constant::None, loc),
                }
                self.emit_yield(loc);
            }
            ExprKind::YieldFrom { value } => {
                if !self.ste().is_function_like() {
                    return self.error("'yield' outside function", loc);
                }
                if self.ur().scope_type == ScopeType::AsyncFunction {
                    return self.error("'yield from' inside async function", loc);
                }
                self.expr(value)?;
                self.emit(GetYieldFromIter, 0, loc);
                self.load_const(Constant::None, loc);
                self.yield_from(loc, false);
            }
            ExprKind::Compare {
                left,
                ops,
                comparators,
            } => self.compare_ops(e, left, ops, comparators)?,
            ExprKind::Call {
                func,
                args,
                keywords,
            } => {
                super::warn::check_caller(func);
                self.call(e, func, args, keywords)?
            }
            ExprKind::FormattedValue {
                value,
                conversion,
                format_spec,
            } => {
                self.expr(value)?;
                if *conversion >= 0 {
                    let a = match char::from_u32(*conversion as u32) {
                        Some('s') => 1,
                        Some('r') => 2,
                        Some('a') => 3,
                        _ => {
                            return self.error("Unrecognized conversion character in f-string", loc)
                        }
                    };
                    self.emit(ConvertValue, a, loc);
                }
                match format_spec {
                    Some(f) => {
                        self.expr(f)?;
                        self.emit(FormatWithSpec, 0, loc);
                    }
                    None => self.emit(FormatSimple, 0, loc),
                }
            }
            ExprKind::JoinedStr { values } => {
                if values.len() > STACK_USE_GUIDELINE {
                    self.load_const(Constant::Str(String::new()), loc);
                    let i = self.u().names.add("join");
                    self.emit(LoadAttr, (i << 1) | 1, loc);
                    self.emit(BuildList, 0, loc);
                    for v in values {
                        self.expr(v)?;
                        self.emit(ListAppend, 1, loc);
                    }
                    self.emit(Call, 1, loc);
                } else {
                    for v in values {
                        self.expr(v)?;
                    }
                    if values.len() != 1 {
                        self.emit(BuildString, values.len() as u32, loc);
                    }
                }
            }
            ExprKind::Constant { value, .. } => self.load_const(value.clone(), loc),
            ExprKind::Attribute { value, attr, ctx } => {
                if *ctx == ExprContext::Load && self.can_optimize_super_call(e) {
                    let ExprKind::Call { args, .. } = &value.node else {
                        unreachable!()
                    };
                    self.load_args_for_super(value)?;
                    let i = self.add_name(attr);
                    let two = if args.is_empty() { 0 } else { 2 };
                    self.emit(LoadSuperAttr, (i << 2) | two, loc);
                    let l = self.attr_loc(loc, e);
                    self.emit(Nop, 0, l);
                    return Ok(());
                }
                if *ctx == ExprContext::Store {
                    self.maybe_add_static_attribute(value, attr);
                }
                self.expr(value)?;
                let l = self.attr_loc(loc, e);
                let i = self.add_name(attr);
                match ctx {
                    ExprContext::Load => self.emit(LoadAttr, i << 1, l),
                    ExprContext::Store => self.emit(StoreAttr, i, l),
                    ExprContext::Del => self.emit(DeleteAttr, i, l),
                }
            }
            ExprKind::Subscript { value, slice, ctx } => {
                if *ctx == ExprContext::Load {
                    super::warn::check_subscript(value, slice);
                }
                self.expr(value)?;
                if *ctx != ExprContext::Del {
                    if let Some((lo, hi)) = self.two_elem_slice(slice) {
                        self.slice_bound_at(lo, slice)?;
                        self.slice_bound_at(hi, slice)?;
                        self.emit(
                            if *ctx == ExprContext::Load {
                                BinarySlice
                            } else {
                                StoreSlice
                            },
                            0,
                            loc,
                        );
                        return Ok(());
                    }
                }
                self.expr(slice)?;
                let o = match ctx {
                    ExprContext::Load => BinarySubscr,
                    ExprContext::Store => StoreSubscr,
                    ExprContext::Del => DeleteSubscr,
                };
                self.emit(o, 0, loc);
            }
            ExprKind::Starred { ctx, .. } => {
                return if *ctx == ExprContext::Store {
                    self.error("starred assignment target must be in a list or tuple", loc)
                } else {
                    self.error("can't use starred expression here", loc)
                };
            }
            ExprKind::Name { id, ctx } => self.nameop(id, *ctx, loc)?,
            ExprKind::List { elts, ctx } => match ctx {
                ExprContext::Load => self.starunpack(
                    loc,
                    &refs(elts),
                    0,
                    BuildList,
                    ListAppend,
                    ListExtend,
                    false,
                )?,
                ExprContext::Store => self.assignment_helper(loc, elts)?,
                ExprContext::Del => {
                    for x in elts {
                        self.expr(x)?;
                    }
                }
            },
            ExprKind::Tuple { elts, ctx } => match ctx {
                ExprContext::Load => {
                    self.starunpack(loc, &refs(elts), 0, BuildList, ListAppend, ListExtend, true)?
                }
                ExprContext::Store => self.assignment_helper(loc, elts)?,
                ExprContext::Del => {
                    for x in elts {
                        self.expr(x)?;
                    }
                }
            },
            ExprKind::Slice { lower, upper, step } => {
                let n = self.slice_parts(e, lower.as_deref(), upper.as_deref(), step.as_deref())?;
                self.emit(BuildSlice, n, loc);
            }
        }
        Ok(())
    }

    /// CPython's `optimize_format`: `"..%s.." % (a, b)` with only simple
    /// `%s`/`%r`/`%a` conversions is compiled as an f-string.
    fn percent_format(&mut self, e: &'a Expr, left: &'a Expr, right: &'a Expr) -> R<bool> {
        let ExprKind::Tuple {
            elts,
            ctx: ExprContext::Load,
        } = &right.node
        else {
            return Ok(false);
        };
        if elts.iter().any(is_starred) || self.folder.fold(right).is_some() {
            return Ok(false);
        }
        let Some(Constant::Str(fmt)) = self.folder.fold(left) else {
            return Ok(false);
        };
        let Some(parts) = parse_percent_format(&fmt, elts) else {
            return Ok(false);
        };
        let loc = loc_of(e.loc);
        for p in &parts {
            match p {
                FmtPart::Lit(s) => self.load_const(Constant::Str(s.clone()), NO_LOC),
                FmtPart::Arg(x, conv, spec) => {
                    self.expr(x)?;
                    let xl = loc_of(x.loc);
                    let a = match conv {
                        's' => 1,
                        'r' => 2,
                        _ => 3,
                    };
                    self.emit(ConvertValue, a, xl);
                    match spec {
                        Some(sp) => {
                            self.load_const(Constant::Str(sp.clone()), NO_LOC);
                            self.emit(FormatWithSpec, 0, xl);
                        }
                        None => self.emit(FormatSimple, 0, xl),
                    }
                }
            }
        }
        if parts.len() != 1 {
            self.emit(BuildString, parts.len() as u32, loc);
        }
        Ok(true)
    }

    pub(super) fn emit_yield(&mut self, loc: Loc) {
        if self.ste().generator && self.ste().coroutine {
            self.emit(CallIntrinsic1, intrinsic1::ASYNC_GEN_WRAP, loc);
        }
        self.emit(YieldValue, 0, loc);
        self.emit(Resume, 1, loc);
    }

    fn maybe_add_static_attribute(&mut self, value: &Expr, attr: &str) {
        if !matches!(&value.node, ExprKind::Name { id, .. } if id == "self") {
            return;
        }
        let n = self.units.len();
        for u in self.units[..n - 1].iter_mut().rev() {
            if u.scope_type == ScopeType::Class {
                if let Some(v) = &mut u.static_attributes {
                    if !v.iter().any(|x| x == attr) {
                        v.push(attr.to_string());
                    }
                }
                break;
            }
        }
    }

    pub(super) fn two_elem_slice(
        &self,
        slice: &'a Expr,
    ) -> Option<(Option<&'a Expr>, Option<&'a Expr>)> {
        match &slice.node {
            ExprKind::Slice {
                lower,
                upper,
                step: None,
            } => Some((lower.as_deref(), upper.as_deref())),
            _ => None,
        }
    }

    pub(super) fn slice_bound(&mut self, b: Option<&'a Expr>) -> R {
        match b {
            Some(x) => self.expr(x),
            None => {
                self.load_const(Constant::None, NO_LOC);
                Ok(())
            }
        }
    }

    fn slice_bound_at(&mut self, b: Option<&'a Expr>, slice: &Expr) -> R {
        match b {
            Some(x) => self.expr(x),
            None => {
                self.load_const(Constant::None, loc_of(slice.loc));
                Ok(())
            }
        }
    }

    fn slice_parts(
        &mut self,
        s: &Expr,
        lo: Option<&'a Expr>,
        hi: Option<&'a Expr>,
        step: Option<&'a Expr>,
    ) -> R<u32> {
        self.slice_bound_at(lo, s)?;
        self.slice_bound_at(hi, s)?;
        if let Some(st) = step {
            self.expr(st)?;
            return Ok(3);
        }
        Ok(2)
    }

    /// CPython's `update_start_location_to_match_attr`.
    pub(super) fn attr_loc(&self, mut loc: Loc, attr: &Expr) -> Loc {
        let ExprKind::Attribute { attr: name, .. } = &attr.node else {
            return loc;
        };
        let end_line = attr.loc.end_lineno as i32;
        if loc.line != end_line {
            loc.line = end_line;
            let len = name.chars().count() as i32;
            let end_col = attr.loc.end_col_offset as i32;
            if len <= end_col {
                loc.col = end_col - len;
            } else {
                loc.col = -1;
                loc.end_col = -1;
            }
            loc.end_line = loc.end_line.max(loc.line);
            if loc.line == loc.end_line {
                loc.end_col = loc.end_col.max(loc.col);
            }
        }
        loc
    }

    fn assignment_helper(&mut self, loc: Loc, elts: &'a [Expr]) -> R {
        let n = elts.len();
        let mut seen_star = false;
        for (i, x) in elts.iter().enumerate() {
            if is_starred(x) && !seen_star {
                if i >= 256 || n - i - 1 >= (i32::MAX >> 8) as usize {
                    return self.error("too many expressions in star-unpacking assignment", loc);
                }
                self.emit(UnpackEx, (i + ((n - i - 1) << 8)) as u32, loc);
                seen_star = true;
            } else if is_starred(x) {
                return self.error("multiple starred expressions in assignment", loc);
            }
        }
        if !seen_star {
            self.emit(UnpackSequence, n as u32, loc);
        }
        for x in elts {
            match &x.node {
                ExprKind::Starred { value, .. } => self.expr(value)?,
                _ => self.expr(x)?,
            }
        }
        Ok(())
    }

    /// CPython's `starunpack_helper`.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn starunpack(
        &mut self,
        loc: Loc,
        elts: &[&'a Expr],
        pushed: u32,
        build: Opcode,
        add: Opcode,
        extend: Opcode,
        tuple: bool,
    ) -> R {
        let n = elts.len();
        if n > 2 {
            let consts: Option<Vec<Constant>> = elts
                .iter()
                .map(|x| {
                    if is_starred(x) {
                        None
                    } else {
                        self.folder.fold(x)
                    }
                })
                .collect();
            if let Some(c) = consts {
                if tuple && pushed == 0 {
                    self.load_const(Constant::Tuple(c), loc);
                } else {
                    self.emit(build, pushed, loc);
                    // A set display iterates a frozenset constant, whose
                    // order decides the new set's, as in CPython.
                    let c = if build == BuildSet {
                        Constant::FrozenSet(c)
                    } else {
                        Constant::Tuple(c)
                    };
                    self.load_const(c, loc);
                    self.emit(extend, 1, loc);
                    if tuple {
                        self.emit(CallIntrinsic1, intrinsic1::LIST_TO_TUPLE, loc);
                    }
                }
                return Ok(());
            }
        }
        let big = n + pushed as usize > STACK_USE_GUIDELINE;
        let seen_star = elts.iter().any(|x| is_starred(x));
        if !seen_star && !big {
            for x in elts {
                self.expr(x)?;
            }
            self.emit(
                if tuple { BuildTuple } else { build },
                n as u32 + pushed,
                loc,
            );
            return Ok(());
        }
        let mut built = false;
        if big {
            self.emit(build, pushed, loc);
            built = true;
        }
        for (i, x) in elts.iter().enumerate() {
            if let ExprKind::Starred { value, .. } = &x.node {
                if !built {
                    self.emit(build, i as u32 + pushed, loc);
                    built = true;
                }
                self.expr(value)?;
                self.emit(extend, 1, loc);
            } else {
                self.expr(x)?;
                if built {
                    self.emit(add, 1, loc);
                }
            }
        }
        if tuple {
            self.emit(CallIntrinsic1, intrinsic1::LIST_TO_TUPLE, loc);
        }
        Ok(())
    }

    fn dict(&mut self, e: &'a Expr, keys: &'a [Option<Expr>], values: &'a [Expr]) -> R {
        let loc = loc_of(e.loc);
        let n = values.len();
        let mut have_dict = false;
        let mut elements = 0usize;
        for i in 0..n {
            if keys[i].is_none() {
                if elements > 0 {
                    self.subdict(loc, keys, values, i - elements, i)?;
                    if have_dict {
                        self.emit(DictUpdate, 1, loc);
                    }
                    have_dict = true;
                    elements = 0;
                }
                if !have_dict {
                    self.emit(BuildMap, 0, loc);
                    have_dict = true;
                }
                self.expr(&values[i])?;
                self.emit(DictUpdate, 1, loc);
            } else if elements * 2 > STACK_USE_GUIDELINE {
                self.subdict(loc, keys, values, i - elements, i + 1)?;
                if have_dict {
                    self.emit(DictUpdate, 1, loc);
                }
                have_dict = true;
                elements = 0;
            } else {
                elements += 1;
            }
        }
        if elements > 0 {
            self.subdict(loc, keys, values, n - elements, n)?;
            if have_dict {
                self.emit(DictUpdate, 1, loc);
            }
            have_dict = true;
        }
        if !have_dict {
            self.emit(BuildMap, 0, loc);
        }
        Ok(())
    }

    fn subdict(
        &mut self,
        loc: Loc,
        keys: &'a [Option<Expr>],
        values: &'a [Expr],
        begin: usize,
        end: usize,
    ) -> R {
        let n = end - begin;
        let big = n * 2 > STACK_USE_GUIDELINE;
        if n > 1 && !big {
            let ks: Option<Vec<Constant>> = keys[begin..end]
                .iter()
                .map(|k| k.as_ref().and_then(|k| self.folder.fold(k)))
                .collect();
            if let Some(ks) = ks {
                for v in &values[begin..end] {
                    self.expr(v)?;
                }
                self.load_const(Constant::Tuple(ks), loc);
                self.emit(BuildConstKeyMap, n as u32, loc);
                return Ok(());
            }
        }
        if big {
            self.emit(BuildMap, 0, loc);
        }
        for i in begin..end {
            if let Some(k) = &keys[i] {
                self.expr(k)?;
            }
            self.expr(&values[i])?;
            if big {
                self.emit(MapAdd, 1, loc);
            }
        }
        if !big {
            self.emit(BuildMap, n as u32, loc);
        }
        Ok(())
    }

    fn emit_compare(&mut self, op: CmpOp, loc: Loc) {
        let (c, mask) = match op {
            CmpOp::Is => return self.emit(IsOp, 0, loc),
            CmpOp::IsNot => return self.emit(IsOp, 1, loc),
            CmpOp::In => return self.emit(ContainsOp, 0, loc),
            CmpOp::NotIn => return self.emit(ContainsOp, 1, loc),
            CmpOp::Lt => (cmp::LT, 2),
            CmpOp::LtE => (cmp::LE, 2 | 8),
            CmpOp::Eq => (cmp::EQ, 8),
            CmpOp::NotEq => (cmp::NE, 1 | 2 | 4),
            CmpOp::Gt => (cmp::GT, 4),
            CmpOp::GtE => (cmp::GE, 4 | 8),
        };
        self.emit(CompareOp, (c << 5) | mask, loc);
    }

    /// The right operand of `in`/`not in`: a constant list or set display
    /// is loaded as a tuple (CPython's `fold_iter` via `fold_compare`).
    fn compare_operand(&mut self, op: CmpOp, e: &'a Expr, last: bool) -> R {
        if last && matches!(op, CmpOp::In | CmpOp::NotIn) {
            return self.iter_expr(e);
        }
        self.expr(e)
    }

    fn compare_ops(&mut self, e: &'a Expr, left: &'a Expr, ops: &[CmpOp], comps: &'a [Expr]) -> R {
        let loc = loc_of(e.loc);
        super::warn::check_compare(&self.folder, e.loc, left, ops, comps);
        self.expr(left)?;
        let n = ops.len() - 1;
        if n == 0 {
            self.compare_operand(ops[0], &comps[0], true)?;
            self.emit_compare(ops[0], loc);
            return Ok(());
        }
        let cleanup = self.new_label();
        for i in 0..n {
            self.compare_operand(ops[i], &comps[i], false)?;
            self.emit(Swap, 2, loc);
            self.emit(Copy, 2, loc);
            self.emit_compare(ops[i], loc);
            self.emit(Copy, 1, loc);
            self.emit(ToBool, 0, loc);
            self.jump(PopJumpIfFalse, cleanup, loc);
            self.emit(PopTop, 0, loc);
        }
        self.compare_operand(ops[n], &comps[n], true)?;
        self.emit_compare(ops[n], loc);
        let end = self.new_label();
        self.emit_jump(JUMP, end, NO_LOC);
        self.use_label(cleanup);
        self.emit(Swap, 2, loc);
        self.emit(PopTop, 0, loc);
        self.use_label(end);
        Ok(())
    }

    /// CPython's `compiler_jump_if`: jump to `next` if `e`'s truth is `cond`.
    pub(super) fn jump_if(&mut self, loc: Loc, e: &'a Expr, next: usize, cond: bool) -> R {
        self.enter_nesting(loc_of(e.loc))?;
        let r = self.jump_if_inner(loc, e, next, cond);
        self.depth -= 1;
        r
    }

    fn jump_if_inner(&mut self, loc: Loc, e: &'a Expr, next: usize, cond: bool) -> R {
        match &e.node {
            ExprKind::UnaryOp {
                op: UnaryOp::Not,
                operand,
            } if self.folder.fold(e).is_none() => {
                if invert_compare(operand).is_none() {
                    return self.jump_if(loc, operand, next, !cond);
                }
            }
            ExprKind::BoolOp { op, values } => {
                let cond2 = *op == BoolOp::Or;
                let mut next2 = next;
                if cond2 != cond {
                    next2 = self.new_label();
                }
                let n = values.len() - 1;
                for v in &values[..n] {
                    self.jump_if(loc, v, next2, cond2)?;
                }
                self.jump_if(loc, &values[n], next, cond)?;
                if next2 != next {
                    self.use_label(next2);
                }
                return Ok(());
            }
            ExprKind::IfExp { test, body, orelse } => {
                let end = self.new_label();
                let next2 = self.new_label();
                self.jump_if(loc, test, next2, false)?;
                self.jump_if(loc, body, next, cond)?;
                self.emit_jump(JUMP, end, NO_LOC);
                self.use_label(next2);
                self.jump_if(loc, orelse, next, cond)?;
                self.use_label(end);
                return Ok(());
            }
            ExprKind::Compare {
                left,
                ops,
                comparators,
            } if ops.len() > 1 => {
                super::warn::check_compare(&self.folder, e.loc, left, ops, comparators);
                let el = loc_of(e.loc);
                let cleanup = self.new_label();
                self.expr(left)?;
                let n = ops.len() - 1;
                for i in 0..n {
                    self.compare_operand(ops[i], &comparators[i], false)?;
                    self.emit(Swap, 2, el);
                    self.emit(Copy, 2, el);
                    self.emit_compare(ops[i], el);
                    self.emit(ToBool, 0, el);
                    self.jump(PopJumpIfFalse, cleanup, el);
                }
                self.compare_operand(ops[n], &comparators[n], true)?;
                self.emit_compare(ops[n], el);
                self.emit(ToBool, 0, el);
                self.jump(if cond { PopJumpIfTrue } else { PopJumpIfFalse }, next, el);
                let end = self.new_label();
                self.emit_jump(JUMP, end, NO_LOC);
                self.use_label(cleanup);
                self.emit(PopTop, 0, el);
                if !cond {
                    self.emit_jump(JUMP, next, NO_LOC);
                }
                self.use_label(end);
                return Ok(());
            }
            _ => {}
        }
        self.expr(e)?;
        let el = loc_of(e.loc);
        self.emit(ToBool, 0, el);
        self.jump(if cond { PopJumpIfTrue } else { PopJumpIfFalse }, next, el);
        Ok(())
    }

    // -------------------------------------------------------------- calls

    fn is_import_originated(&self, e: &Expr) -> bool {
        match &e.node {
            ExprKind::Name { id, .. } => {
                self.st.scopes[0].flags(id) & crate::symtable::DEF_IMPORT != 0
            }
            _ => false,
        }
    }

    fn can_optimize_super_call(&self, attr: &Expr) -> bool {
        let ExprKind::Attribute {
            value, attr: name, ..
        } = &attr.node
        else {
            return false;
        };
        let ExprKind::Call {
            func,
            args,
            keywords,
        } = &value.node
        else {
            return false;
        };
        let ExprKind::Name { id, .. } = &func.node else {
            return false;
        };
        if id != "super" || name == "__class__" || !keywords.is_empty() {
            return false;
        }
        if self.scope_of("super") != Scope::GlobalImplicit
            || self.st.scopes[0].scope("super") != Scope::Unknown
        {
            return false;
        }
        if args.len() == 2 {
            return !args.iter().any(is_starred);
        }
        if !args.is_empty() {
            return false;
        }
        if self.ur().argcount == 0 && self.ur().posonlyargcount == 0 {
            return false;
        }
        self.scope_of("__class__") == Scope::Free
    }

    fn load_args_for_super(&mut self, e: &'a Expr) -> R {
        let ExprKind::Call { func, args, .. } = &e.node else {
            unreachable!()
        };
        self.nameop("super", ExprContext::Load, loc_of(func.loc))?;
        if args.len() == 2 {
            self.expr(&args[0])?;
            self.expr(&args[1])?;
            return Ok(());
        }
        let loc = loc_of(e.loc);
        self.nameop("__class__", ExprContext::Load, loc)?;
        let first = self.ur().varnames.list[0].clone();
        self.nameop(&first, ExprContext::Load, loc)?;
        Ok(())
    }

    fn maybe_method_call(
        &mut self,
        e: &'a Expr,
        func: &'a Expr,
        args: &'a [Expr],
        kws: &'a [Keyword],
    ) -> R<bool> {
        let ExprKind::Attribute {
            value,
            attr,
            ctx: ExprContext::Load,
        } = &func.node
        else {
            return Ok(false);
        };
        if self.is_import_originated(value) {
            return Ok(false);
        }
        let (na, nk) = (args.len(), kws.len());
        if na + nk + (nk != 0) as usize >= STACK_USE_GUIDELINE {
            return Ok(false);
        }
        if args.iter().any(is_starred) || kws.iter().any(|k| k.arg.is_none()) {
            return Ok(false);
        }
        let mut loc = loc_of(func.loc);
        if self.can_optimize_super_call(func) {
            let ExprKind::Call { args: sargs, .. } = &value.node else {
                unreachable!()
            };
            self.load_args_for_super(value)?;
            let i = self.add_name(attr);
            let two = if sargs.is_empty() { 0 } else { 2 };
            self.emit(LoadSuperAttr, (i << 2) | two | 1, loc);
            loc = self.attr_loc(loc, func);
            self.emit(Nop, 0, loc);
        } else {
            self.expr(value)?;
            loc = self.attr_loc(loc, func);
            let i = self.add_name(attr);
            self.emit(LoadAttr, (i << 1) | 1, loc);
        }
        for a in args {
            self.expr(a)?;
        }
        let cl = self.attr_loc(loc_of(e.loc), func);
        if nk > 0 {
            self.validate_keywords(kws)?;
            for k in kws {
                self.expr(&k.value)?;
            }
            self.kwnames(kws, cl);
            self.emit(CallKw, (na + nk) as u32, cl);
        } else {
            self.emit(Call, na as u32, cl);
        }
        Ok(true)
    }

    fn kwnames(&mut self, kws: &[Keyword], loc: Loc) {
        let names = kws
            .iter()
            .map(|k| Constant::Str(k.arg.clone().unwrap_or_default()))
            .collect();
        self.load_const(Constant::Tuple(names), loc);
    }

    fn validate_keywords(&self, kws: &[Keyword]) -> R {
        for (i, k) in kws.iter().enumerate() {
            let Some(name) = &k.arg else { continue };
            if kws[i + 1..].iter().any(|o| o.arg.as_deref() == Some(name)) {
                let other = kws[i + 1..]
                    .iter()
                    .find(|o| o.arg.as_deref() == Some(name))
                    .unwrap();
                return self.error(
                    format!("keyword argument repeated: {name}"),
                    loc_of(other.loc),
                );
            }
        }
        Ok(())
    }

    fn call(&mut self, e: &'a Expr, func: &'a Expr, args: &'a [Expr], kws: &'a [Keyword]) -> R {
        if self.maybe_method_call(e, func, args, kws)? {
            return Ok(());
        }
        self.expr(func)?;
        self.emit(PushNull, 0, loc_of(func.loc));
        self.call_helper(loc_of(e.loc), 0, &refs(args), kws)
    }

    /// CPython's `compiler_call_helper`; `n` arguments are already pushed.
    pub(super) fn call_helper(
        &mut self,
        loc: Loc,
        n: u32,
        args: &[&'a Expr],
        kws: &'a [Keyword],
    ) -> R {
        self.validate_keywords(kws)?;
        let nelts = args.len();
        let nkw = kws.len();
        let simple = nelts + nkw * 2 <= STACK_USE_GUIDELINE
            && !args.iter().any(|a| is_starred(a))
            && !kws.iter().any(|k| k.arg.is_none());
        if simple {
            for a in args {
                self.expr(a)?;
            }
            if nkw > 0 {
                for k in kws {
                    self.expr(&k.value)?;
                }
                self.kwnames(kws, loc);
                self.emit(CallKw, n + (nelts + nkw) as u32, loc);
            } else {
                self.emit(Call, n + nelts as u32, loc);
            }
            return Ok(());
        }
        if n == 0 && nelts == 1 {
            if let ExprKind::Starred { value, .. } = &args[0].node {
                self.expr(value)?;
            } else {
                self.starunpack(loc, args, n, BuildList, ListAppend, ListExtend, true)?;
            }
        } else {
            self.starunpack(loc, args, n, BuildList, ListAppend, ListExtend, true)?;
        }
        if nkw > 0 {
            let mut have_dict = false;
            let mut nseen = 0;
            for (i, k) in kws.iter().enumerate() {
                if k.arg.is_none() {
                    if nseen > 0 {
                        self.subkwargs(loc, kws, i - nseen, i)?;
                        if have_dict {
                            self.emit(DictMerge, 1, loc);
                        }
                        have_dict = true;
                        nseen = 0;
                    }
                    if !have_dict {
                        self.emit(BuildMap, 0, loc);
                        have_dict = true;
                    }
                    self.expr(&k.value)?;
                    self.emit(DictMerge, 1, loc);
                } else {
                    nseen += 1;
                }
            }
            if nseen > 0 {
                self.subkwargs(loc, kws, nkw - nseen, nkw)?;
                if have_dict {
                    self.emit(DictMerge, 1, loc);
                }
            }
        }
        self.emit(CallFunctionEx, (nkw > 0) as u32, loc);
        Ok(())
    }

    fn subkwargs(&mut self, loc: Loc, kws: &'a [Keyword], begin: usize, end: usize) -> R {
        let n = end - begin;
        let big = n * 2 > STACK_USE_GUIDELINE;
        if n > 1 && !big {
            for k in &kws[begin..end] {
                self.expr(&k.value)?;
            }
            self.kwnames(&kws[begin..end], loc);
            self.emit(BuildConstKeyMap, n as u32, loc);
            return Ok(());
        }
        if big {
            self.emit(BuildMap, 0, NO_LOC);
        }
        for k in &kws[begin..end] {
            self.load_const(Constant::Str(k.arg.clone().unwrap_or_default()), loc);
            self.expr(&k.value)?;
            if big {
                self.emit(MapAdd, 1, NO_LOC);
            }
        }
        if !big {
            self.emit(BuildMap, n as u32, loc);
        }
        Ok(())
    }
}

/// `not (a in b)` is compiled as `a not in b` (CPython's `fold_unaryop`).
fn invert_compare(e: &Expr) -> Option<(&Expr, Vec<CmpOp>, &[Expr])> {
    let ExprKind::Compare {
        left,
        ops,
        comparators,
    } = &e.node
    else {
        return None;
    };
    if ops.len() != 1 {
        return None;
    }
    let inv = match ops[0] {
        CmpOp::Is => CmpOp::IsNot,
        CmpOp::IsNot => CmpOp::Is,
        CmpOp::In => CmpOp::NotIn,
        CmpOp::NotIn => CmpOp::In,
        _ => return None,
    };
    Some((left, vec![inv], comparators))
}

enum FmtPart<'a> {
    Lit(String),
    Arg(&'a Expr, char, Option<String>),
}

fn parse_percent_format<'a>(fmt: &str, args: &'a [Expr]) -> Option<Vec<FmtPart<'a>>> {
    let chars: Vec<char> = fmt.chars().collect();
    let mut pos = 0;
    let mut parts = vec![];
    let literal = |pos: &mut usize, parts: &mut Vec<FmtPart<'a>>| {
        let start = *pos;
        let mut s = String::new();
        while *pos < chars.len() {
            if chars[*pos] != '%' {
                s.push(chars[*pos]);
                *pos += 1;
            } else if *pos + 1 < chars.len() && chars[*pos + 1] == '%' {
                s.push('%');
                *pos += 2;
            } else {
                break;
            }
        }
        if *pos != start {
            parts.push(FmtPart::Lit(s));
        }
    };
    for a in args {
        literal(&mut pos, &mut parts);
        if pos >= chars.len() {
            return None;
        }
        pos += 1; // the '%'
        let next = |pos: &mut usize| -> Option<char> {
            let c = chars.get(*pos).copied()?;
            *pos += 1;
            Some(c)
        };
        let mut ljust = false;
        let mut ch;
        loop {
            ch = next(&mut pos)?;
            match ch {
                '-' => ljust = true,
                '+' | ' ' | '#' | '0' => {}
                _ => break,
            }
        }
        let mut width: i32 = -1;
        let mut prec: i32 = -1;
        if ch.is_ascii_digit() {
            width = 0;
            let mut digits = 0;
            while ch.is_ascii_digit() {
                width = width * 10 + (ch as i32 - '0' as i32);
                ch = next(&mut pos)?;
                digits += 1;
                if digits >= 3 {
                    return None;
                }
            }
        }
        if ch == '.' {
            ch = next(&mut pos)?;
            prec = 0;
            let mut digits = 0;
            while ch.is_ascii_digit() {
                prec = prec * 10 + (ch as i32 - '0' as i32);
                ch = next(&mut pos)?;
                digits += 1;
                if digits >= 3 {
                    return None;
                }
            }
        }
        if !matches!(ch, 's' | 'r' | 'a') {
            return None;
        }
        let mut spec = String::new();
        if !ljust && width > 0 {
            spec.push('>');
        }
        if width >= 0 {
            spec.push_str(&width.to_string());
        }
        if prec >= 0 {
            spec.push_str(&format!(".{prec}"));
        }
        parts.push(FmtPart::Arg(
            a,
            ch,
            if spec.is_empty() { None } else { Some(spec) },
        ));
    }
    literal(&mut pos, &mut parts);
    if pos < chars.len() {
        return None;
    }
    Some(parts)
}
