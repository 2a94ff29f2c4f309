//! The control-flow graph passes of CPython's Python/flowgraph.c: basic
//! blocks, exception-handler labelling from SETUP_*/POP_BLOCK, dead code
//! removal, peephole optimizations, line-number propagation, uninitialized
//! local checks, superinstructions, cold-block ordering, stack depth and
//! jump normalization.

use crate::code::ConstValue;
use crate::fold::truthy;
pub use crate::instr::*;
use crate::opcode::Opcode;
use rython_parser::ast::Constant;

pub const NONE: usize = usize::MAX;
const MAX_COPY_SIZE: usize = 4;

#[derive(Clone, Debug, Default)]
pub struct Block {
    pub instrs: Vec<Instr>,
    pub next: usize,
    pub startdepth: i32,
    pub preds: u32,
    pub visited: bool,
    pub except_handler: bool,
    pub preserve_lasti: bool,
    pub cold: bool,
    pub warm: bool,
    pub is_label: bool,
    pub unsafe_mask: u64,
    pub except_stack: Option<Vec<usize>>,
    pub offset: u32,
}

impl Block {
    pub fn last(&self) -> Option<&Instr> {
        self.instrs.last()
    }
    pub fn has_fallthrough(&self) -> bool {
        match self.last() {
            None => true,
            Some(i) => !(is_scope_exit(i.op) || is_uncond_jump(i.op)),
        }
    }
    pub fn exits_scope(&self) -> bool {
        self.last().is_some_and(|i| is_scope_exit(i.op))
    }
    fn has_eval_break(&self) -> bool {
        use Opcode::*;
        self.instrs.iter().any(|i| {
            i.op == JUMP
                || (is_real(i.op)
                    && matches!(
                        real(i.op),
                        JumpBackward | Resume | Call | CallKw | CallFunctionEx
                    ))
        })
    }
    fn has_no_lineno(&self) -> bool {
        self.instrs.iter().all(|i| i.loc.line < 0)
    }
}

pub struct Cfg {
    pub blocks: Vec<Block>,
    pub entry: usize,
}

fn o(x: Opcode) -> Op {
    op(x)
}

impl Cfg {
    pub fn from_instrs(instrs: Vec<Instr>, labels: &[usize]) -> Cfg {
        let n = instrs.len();
        // Block starts: label positions and after terminators.
        // Only labels that something jumps to start blocks (as CPython's
        // _PyCfg_FromInstructionSequence does).
        let mut label_at = vec![false; n + 1];
        for ins in &instrs {
            if has_target(ins.op) {
                let p = labels[ins.target];
                if p != usize::MAX && p <= n {
                    label_at[p] = true;
                }
            }
        }
        let mut blocks: Vec<Block> = vec![];
        let mut start_of: Vec<usize> = vec![NONE; n + 1];
        let mut cur = Block {
            next: NONE,
            ..Default::default()
        };
        let mut cur_start = 0;
        let mut pending_new = false;
        for (i, ins) in instrs.into_iter().enumerate() {
            if (label_at[i] || pending_new) && (i != cur_start || !cur.instrs.is_empty()) {
                let id = blocks.len();
                start_of[cur_start] = if start_of[cur_start] == NONE {
                    id
                } else {
                    start_of[cur_start]
                };
                blocks.push(std::mem::take(&mut cur));
                cur.next = NONE;
                cur_start = i;
            }
            if label_at[i] {
                cur.is_label = true;
            }
            pending_new = is_jump(ins.op) || is_scope_exit(ins.op);
            cur.instrs.push(ins);
        }
        let id = blocks.len();
        if start_of[cur_start] == NONE {
            start_of[cur_start] = id;
        }
        blocks.push(std::mem::take(&mut cur));
        if label_at[n] && !blocks.last().unwrap().instrs.is_empty() {
            start_of[n] = blocks.len();
            blocks.push(Block {
                is_label: true,
                ..Default::default()
            });
        } else if label_at[n] {
            start_of[n] = blocks.len() - 1;
        }
        // Positions that begin blocks: recompute robustly.
        let mut pos = 0;
        let mut pos_block = vec![NONE; n + 1];
        for (b, blk) in blocks.iter().enumerate() {
            if pos_block[pos] == NONE {
                pos_block[pos] = b;
            }
            pos += blk.instrs.len();
        }
        if pos_block[n] == NONE {
            pos_block[n] = blocks.len() - 1;
        }
        let nb = blocks.len();
        for (b, blk) in blocks.iter_mut().enumerate() {
            blk.next = if b + 1 < nb { b + 1 } else { NONE };
            blk.startdepth = i32::MIN;
            for ins in blk.instrs.iter_mut() {
                if has_target(ins.op) {
                    let p = labels[ins.target];
                    ins.target = pos_block[p];
                }
                ins.except = NONE;
            }
        }
        Cfg { blocks, entry: 0 }
    }

    pub fn order(&self) -> Vec<usize> {
        let mut v = vec![];
        let mut b = self.entry;
        while b != NONE {
            v.push(b);
            b = self.blocks[b].next;
        }
        v
    }

    fn next_nonempty(&self, mut b: usize) -> usize {
        while b != NONE && self.blocks[b].instrs.is_empty() {
            b = self.blocks[b].next;
        }
        b
    }

    fn new_block(&mut self) -> usize {
        self.blocks.push(Block {
            next: NONE,
            startdepth: i32::MIN,
            ..Default::default()
        });
        self.blocks.len() - 1
    }

    // ------------------------------------------------------ handlers

    pub fn mark_except_handlers(&mut self) {
        let mut marks = vec![];
        for b in &self.blocks {
            for i in &b.instrs {
                if is_block_push(i.op) {
                    marks.push((i.target, i.op != SETUP_FINALLY));
                }
            }
        }
        for (t, lasti) in marks {
            self.blocks[t].except_handler = true;
            if lasti {
                self.blocks[t].preserve_lasti = true;
            }
        }
    }

    pub fn label_exception_targets(&mut self) {
        for b in self.blocks.iter_mut() {
            b.visited = false;
            b.except_stack = None;
        }
        let mut todo = vec![self.entry];
        self.blocks[self.entry].visited = true;
        self.blocks[self.entry].except_stack = Some(vec![]);
        while let Some(b) = todo.pop() {
            let mut stack = self.blocks[b].except_stack.take().unwrap_or_default();
            let mut handler = stack.last().copied().unwrap_or(NONE);
            let mut last_yield_depth: i32 = -1;
            let n = self.blocks[b].instrs.len();
            for i in 0..n {
                let ins = self.blocks[b].instrs[i];
                if is_block_push(ins.op) {
                    let t = ins.target;
                    if !self.blocks[t].visited {
                        self.blocks[t].except_stack = Some(stack.clone());
                        self.blocks[t].visited = true;
                        todo.push(t);
                    }
                    stack.push(t);
                    handler = t;
                } else if ins.op == POP_BLOCK {
                    stack.pop();
                    handler = stack.last().copied().unwrap_or(NONE);
                    self.blocks[b].instrs[i].op = o(Opcode::Nop);
                } else if is_jump(ins.op) {
                    self.blocks[b].instrs[i].except = handler;
                    let t = ins.target;
                    if !self.blocks[t].visited {
                        self.blocks[t].except_stack = Some(stack.clone());
                        self.blocks[t].visited = true;
                        todo.push(t);
                    }
                } else if ins.op == o(Opcode::YieldValue) {
                    self.blocks[b].instrs[i].except = handler;
                    last_yield_depth = stack.len() as i32;
                } else if ins.op == o(Opcode::Resume) {
                    self.blocks[b].instrs[i].except = handler;
                    if ins.arg != 0 {
                        if last_yield_depth == 1 {
                            self.blocks[b].instrs[i].arg |= 4;
                        }
                        last_yield_depth = -1;
                    }
                } else {
                    self.blocks[b].instrs[i].except = handler;
                }
            }
            let nx = self.blocks[b].next;
            if self.blocks[b].has_fallthrough() && nx != NONE && !self.blocks[nx].visited {
                self.blocks[nx].except_stack = Some(stack);
                self.blocks[nx].visited = true;
                todo.push(nx);
            }
        }
        for b in self.blocks.iter_mut() {
            b.visited = false;
        }
    }

    // ----------------------------------------------------- reachability

    fn mark_reachable(&mut self) {
        for b in self.blocks.iter_mut() {
            b.preds = 0;
            b.visited = false;
        }
        let mut stack = vec![self.entry];
        self.blocks[self.entry].preds = 1;
        self.blocks[self.entry].visited = true;
        while let Some(b) = stack.pop() {
            let nx = self.blocks[b].next;
            if nx != NONE && self.blocks[b].has_fallthrough() {
                if !self.blocks[nx].visited {
                    self.blocks[nx].visited = true;
                    stack.push(nx);
                }
                self.blocks[nx].preds += 1;
            }
            let targets: Vec<usize> = self.blocks[b]
                .instrs
                .iter()
                .filter(|i| has_target(i.op))
                .map(|i| i.target)
                .collect();
            for t in targets {
                if !self.blocks[t].visited {
                    self.blocks[t].visited = true;
                    stack.push(t);
                }
                self.blocks[t].preds += 1;
            }
        }
        for b in self.blocks.iter_mut() {
            b.visited = false;
        }
    }

    pub fn remove_unreachable(&mut self) {
        self.mark_reachable();
        for b in self.blocks.iter_mut() {
            if b.preds == 0 {
                b.instrs.clear();
                b.except_handler = false;
            }
        }
    }

    pub fn inline_small_or_no_lineno_blocks(&mut self) {
        loop {
            let mut changed = false;
            for b in self.order() {
                let Some(last) = self.blocks[b].last().copied() else {
                    continue;
                };
                if !is_uncond_jump(last.op) {
                    continue;
                }
                let t = last.target;
                let small_exit =
                    self.blocks[t].exits_scope() && self.blocks[t].instrs.len() <= MAX_COPY_SIZE;
                let no_lineno = self.blocks[t].has_no_lineno() && !self.blocks[t].has_fallthrough();
                if small_exit || no_lineno {
                    let removed = last.op;
                    let n = self.blocks[b].instrs.len();
                    self.blocks[b].instrs[n - 1].op = o(Opcode::Nop);
                    self.blocks[b].instrs[n - 1].arg = 0;
                    let copy = self.blocks[t].instrs.clone();
                    self.blocks[b].instrs.extend(copy);
                    if no_lineno {
                        if let Some(l) = self.blocks[b].instrs.last_mut() {
                            if is_uncond_jump(l.op) && removed == JUMP {
                                l.op = JUMP;
                            }
                        }
                    }
                    self.blocks[t].preds = self.blocks[t].preds.saturating_sub(1);
                    changed = true;
                }
            }
            if !changed {
                break;
            }
        }
    }

    // ---------------------------------------------------- line numbers

    pub fn resolve_line_numbers(&mut self) {
        self.duplicate_exits_without_lineno();
        self.propagate_line_numbers();
    }

    fn is_exit_or_eval_check_without_lineno(&self, b: usize) -> bool {
        let blk = &self.blocks[b];
        (blk.exits_scope() || blk.has_eval_break()) && blk.has_no_lineno()
    }

    fn duplicate_exits_without_lineno(&mut self) {
        // Predecessor counts are needed.
        self.mark_reachable();
        for b in self.order() {
            let Some(last) = self.blocks[b].last().copied() else {
                continue;
            };
            if !is_jump(last.op) {
                continue;
            }
            let t = self.next_nonempty(last.target);
            if t == NONE {
                continue;
            }
            if self.is_exit_or_eval_check_without_lineno(t) && self.blocks[t].preds > 1 {
                let nb = self.new_block();
                let mut copy = self.blocks[t].instrs.clone();
                copy[0].loc = last.loc;
                self.blocks[nb].instrs = copy;
                self.blocks[nb].is_label = true;
                self.blocks[nb].preds = 1;
                self.blocks[nb].next = self.blocks[t].next;
                self.blocks[t].next = nb;
                self.blocks[t].preds -= 1;
                let n = self.blocks[b].instrs.len();
                self.blocks[b].instrs[n - 1].target = nb;
            }
        }
        for b in self.order() {
            let nx = self.blocks[b].next;
            if self.blocks[b].has_fallthrough() && nx != NONE && !self.blocks[b].instrs.is_empty() {
                if self.is_exit_or_eval_check_without_lineno(nx) {
                    let l = self.blocks[b].last().unwrap().loc;
                    self.blocks[nx].instrs[0].loc = l;
                }
            }
        }
    }

    fn propagate_line_numbers(&mut self) {
        self.mark_reachable();
        for b in self.order() {
            if self.blocks[b].instrs.is_empty() {
                continue;
            }
            let mut prev = NO_LOC;
            for ins in self.blocks[b].instrs.iter_mut() {
                if ins.loc.line < 0 {
                    ins.loc = prev;
                    ins.propagated = prev.line >= 0;
                } else {
                    prev = ins.loc;
                }
            }
            let nx = self.blocks[b].next;
            if self.blocks[b].has_fallthrough() && nx != NONE && self.blocks[nx].preds == 1 {
                if let Some(f) = self.blocks[nx].instrs.first_mut() {
                    if f.loc.line < 0 {
                        f.loc = prev;
                        f.propagated = prev.line >= 0;
                    }
                }
            }
            let last = *self.blocks[b].last().unwrap();
            if is_jump(last.op) {
                let t = last.target;
                if self.blocks[t].preds == 1 {
                    if let Some(f) = self.blocks[t].instrs.first_mut() {
                        if f.loc.line < 0 {
                            f.loc = prev;
                            f.propagated = prev.line >= 0;
                        }
                    }
                }
            }
        }
    }

    // ------------------------------------------------------ peepholes

    /// CPython's `optimize_cfg`.
    pub fn optimize(&mut self, consts: &mut Vec<ConstValue>) {
        self.inline_small_or_no_lineno_blocks();
        self.remove_unreachable();
        self.resolve_line_numbers();
        for b in self.order() {
            self.optimize_block(b, consts);
        }
        self.remove_redundant_nops_and_pairs();
        self.remove_unreachable();
        self.remove_redundant_nops_and_jumps();
    }

    fn jump_thread(&mut self, b: usize, i: usize, target_instr: Instr, opcode: Op) -> bool {
        let ins = self.blocks[b].instrs[i];
        if ins.target != target_instr.target {
            self.blocks[b].instrs[i].op = o(Opcode::Nop);
            self.blocks[b].instrs[i].arg = 0;
            self.blocks[b].instrs.push(Instr {
                op: opcode,
                arg: 0,
                target: target_instr.target,
                loc: target_instr.loc,
                // CPython's basicblock_add_jump leaves the new jump without a handler.
                except: NONE,
                propagated: false,
            });
            return true;
        }
        false
    }

    fn optimize_block(&mut self, b: usize, consts: &mut Vec<ConstValue>) {
        use Opcode::*;
        let mut i = 0usize;
        let mut guard = 0;
        while i < self.blocks[b].instrs.len() {
            guard += 1;
            if guard > 100_000 {
                break;
            }
            let ins = self.blocks[b].instrs[i];
            let n = self.blocks[b].instrs.len();
            let nextop = if i + 1 < n {
                self.blocks[b].instrs[i + 1].op
            } else {
                0
            };
            let target0 = if has_target(ins.op) {
                let t = self.next_nonempty(ins.target);
                if t != NONE {
                    Some(self.blocks[t].instrs[0])
                } else {
                    None
                }
            } else {
                None
            };
            let instrs = &mut self.blocks[b].instrs;
            match ins.op {
                x if x == o(LoadConst) => {
                    let c = match &consts[ins.arg as usize] {
                        ConstValue::Literal(c) => Some(c.clone()),
                        _ => None,
                    };
                    if let Some(c) = c {
                        if nextop == o(PopJumpIfFalse) || nextop == o(PopJumpIfTrue) {
                            let t = truthy(&c);
                            instrs[i].op = o(Nop);
                            if t == (nextop == o(PopJumpIfTrue)) {
                                instrs[i + 1].op = JUMP;
                            } else {
                                instrs[i + 1].op = o(Nop);
                            }
                        } else if nextop == o(IsOp) && c == Constant::None && i + 2 < n {
                            let mut j = i + 2;
                            if instrs[j].op == o(ToBool) {
                                instrs[j].op = o(Nop);
                                j += 1;
                            }
                            if j < n {
                                let mut invert = instrs[i + 1].arg != 0;
                                let jo = instrs[j].op;
                                if jo == o(PopJumpIfFalse) {
                                    invert = !invert;
                                }
                                if jo == o(PopJumpIfFalse) || jo == o(PopJumpIfTrue) {
                                    instrs[i].op = o(Nop);
                                    instrs[i + 1].op = o(Nop);
                                    instrs[i + 1].arg = 0;
                                    instrs[j].op = if invert {
                                        o(PopJumpIfNotNone)
                                    } else {
                                        o(PopJumpIfNone)
                                    };
                                }
                            }
                        } else if nextop == o(Copy)
                            && instrs[i + 1].arg == 1
                            && i + 3 < n
                            && instrs[i + 2].op == o(ToBool)
                            && (instrs[i + 3].op == o(PopJumpIfFalse)
                                || instrs[i + 3].op == o(PopJumpIfTrue))
                        {
                            // `True and x` / `False or x`: CPython's
                            // JUMP_IF_FALSE/JUMP_IF_TRUE on a constant.
                            let jumps = truthy(&c) == (instrs[i + 3].op == o(PopJumpIfTrue));
                            for k in i + 1..i + 3 {
                                instrs[k].op = o(Nop);
                                instrs[k].arg = 0;
                            }
                            instrs[i + 3].op = if jumps { JUMP } else { o(Nop) };
                        } else if nextop == o(ReturnValue) {
                            instrs[i].op = o(Nop);
                            instrs[i + 1].op = o(ReturnConst);
                            instrs[i + 1].arg = ins.arg;
                            i += 1;
                        } else if nextop == o(ToBool) {
                            let idx = add_const(consts, Constant::Bool(truthy(&c)));
                            instrs[i].op = o(Nop);
                            instrs[i + 1].op = o(LoadConst);
                            instrs[i + 1].arg = idx;
                        }
                    }
                }
                x if x == o(BuildTuple) => {
                    let a = ins.arg as usize;
                    if nextop == o(UnpackSequence)
                        && ins.arg == instrs[i + 1].arg
                        && (1..=3).contains(&a)
                    {
                        instrs[i].op = o(Nop);
                        instrs[i].arg = 0;
                        if a == 1 {
                            instrs[i + 1].op = o(Nop);
                            instrs[i + 1].arg = 0;
                        } else {
                            instrs[i + 1].op = o(Swap);
                        }
                        i += 1;
                        continue;
                    }
                    if i >= a {
                        fold_tuple(instrs, i, consts);
                    }
                }
                x if x == o(PopJumpIfNone)
                    || x == o(PopJumpIfNotNone)
                    || x == o(PopJumpIfFalse)
                    || x == o(PopJumpIfTrue) =>
                {
                    if let Some(t) = target0 {
                        if t.op == JUMP && self.jump_thread(b, i, t, x) {
                            continue;
                        }
                    }
                }
                JUMP | JUMP_NO_INTERRUPT => {
                    if let Some(t) = target0 {
                        if t.op == JUMP {
                            if self.jump_thread(b, i, t, JUMP) {
                                continue;
                            }
                        } else if t.op == JUMP_NO_INTERRUPT && self.jump_thread(b, i, t, ins.op) {
                            continue;
                        }
                    }
                }
                x if x == o(StoreFast) => {
                    if nextop == x
                        && ins.arg == instrs[i + 1].arg
                        && ins.loc.line == instrs[i + 1].loc.line
                    {
                        instrs[i].op = o(PopTop);
                        instrs[i].arg = 0;
                    }
                }
                x if x == o(Swap) => {
                    if ins.arg == 1 {
                        instrs[i].op = o(Nop);
                        instrs[i].arg = 0;
                    }
                }
                x if x == o(LoadGlobal) => {
                    if nextop == o(PushNull) && ins.arg & 1 == 0 {
                        instrs[i].arg |= 1;
                        instrs[i + 1].op = o(Nop);
                    }
                }
                x if x == o(CompareOp) => {
                    if nextop == o(ToBool) {
                        instrs[i].op = o(Nop);
                        instrs[i + 1].op = x;
                        instrs[i + 1].arg = ins.arg | 16;
                        instrs[i].arg = 0;
                    }
                }
                x if x == o(ContainsOp) || x == o(IsOp) => {
                    if nextop == o(ToBool) {
                        instrs[i].op = o(Nop);
                        instrs[i + 1].op = x;
                        instrs[i + 1].arg = ins.arg;
                        instrs[i].arg = 0;
                    } else if nextop == o(UnaryNot) {
                        instrs[i].op = o(Nop);
                        instrs[i + 1].op = x;
                        instrs[i + 1].arg = ins.arg ^ 1;
                        instrs[i].arg = 0;
                    }
                }
                x if x == o(ToBool) => {
                    if nextop == o(ToBool) {
                        instrs[i].op = o(Nop);
                    }
                }
                x if x == o(UnaryNot) => {
                    if nextop == o(ToBool) {
                        instrs[i].op = o(Nop);
                        instrs[i + 1].op = o(UnaryNot);
                    } else if nextop == o(UnaryNot) {
                        instrs[i].op = o(Nop);
                        instrs[i + 1].op = o(Nop);
                    }
                }
                x if x == o(CallIntrinsic1) => {
                    if ins.arg == crate::intrinsic1::LIST_TO_TUPLE && nextop == o(GetIter) {
                        instrs[i].op = o(Nop);
                        instrs[i].arg = 0;
                    }
                }
                _ => {}
            }
            i += 1;
        }
        crate::swaps::optimize_swaps(&mut self.blocks[b].instrs);
    }

    fn remove_redundant_nops_block(&mut self, b: usize) -> usize {
        let nop = o(Opcode::Nop);
        let n = self.blocks[b].instrs.len();
        let mut out: Vec<Instr> = Vec::with_capacity(n);
        let mut prev_line = -1;
        let nx = self.blocks[b].next;
        let next_line = {
            let nb = if nx == NONE {
                NONE
            } else {
                self.next_nonempty(nx)
            };
            if nb == NONE {
                None
            } else {
                self.blocks[nb]
                    .instrs
                    .iter()
                    .find(|i| !(i.op == nop && i.loc.line < 0))
                    .map(|i| i.loc.line)
                    .or(Some(-1))
            }
        };
        let instrs = std::mem::take(&mut self.blocks[b].instrs);
        let mut k = 0;
        let mut instrs = instrs;
        while k < instrs.len() {
            let ins = instrs[k];
            let line = ins.loc.line;
            if ins.op == nop {
                if line < 0 || prev_line == line {
                    k += 1;
                    continue;
                }
                if k + 1 < instrs.len() {
                    let nl = instrs[k + 1].loc.line;
                    if nl == line {
                        k += 1;
                        continue;
                    }
                    if nl < 0 {
                        instrs[k + 1].loc = ins.loc;
                        k += 1;
                        continue;
                    }
                } else if next_line == Some(line) {
                    k += 1;
                    continue;
                }
            }
            out.push(ins);
            prev_line = line;
            k += 1;
        }
        let removed = n - out.len();
        self.blocks[b].instrs = out;
        removed
    }

    fn remove_redundant_nops(&mut self) -> usize {
        let mut total = 0;
        for b in self.order() {
            total += self.remove_redundant_nops_block(b);
        }
        total
    }

    fn mark_labels(&mut self) {
        let mut targets = vec![];
        for b in &self.blocks {
            for i in &b.instrs {
                if has_target(i.op) {
                    targets.push(i.target);
                }
            }
        }
        for t in targets {
            self.blocks[t].is_label = true;
        }
    }

    fn remove_redundant_nops_and_pairs(&mut self) {
        self.mark_labels();
        let nop = o(Opcode::Nop);
        loop {
            let mut done = true;
            let mut prev: Option<(usize, usize)> = None;
            for b in self.order() {
                self.remove_redundant_nops_block(b);
                if self.blocks[b].is_label {
                    prev = None;
                }
                for i in 0..self.blocks[b].instrs.len() {
                    let cur = self.blocks[b].instrs[i];
                    if cur.op == o(Opcode::PopTop) {
                        if let Some((pb, pi)) = prev {
                            let p = self.blocks[pb].instrs[pi];
                            if p.op == o(Opcode::LoadConst)
                                || (p.op == o(Opcode::Copy) && p.arg == 1)
                            {
                                self.blocks[pb].instrs[pi].op = nop;
                                self.blocks[pb].instrs[pi].arg = 0;
                                self.blocks[b].instrs[i].op = nop;
                                done = false;
                            }
                        }
                    }
                    prev = Some((b, i));
                }
                let last_jump = self.blocks[b].last().is_some_and(|l| is_jump(l.op));
                if last_jump || !self.blocks[b].has_fallthrough() {
                    prev = None;
                }
            }
            if done {
                break;
            }
        }
    }

    fn remove_redundant_jumps(&mut self) -> usize {
        let mut changes = 0;
        for b in self.order() {
            let Some(last) = self.blocks[b].last().copied() else {
                continue;
            };
            if is_uncond_jump(last.op) {
                let jt = self.next_nonempty(last.target);
                let nx = self.blocks[b].next;
                let next = if nx == NONE {
                    NONE
                } else {
                    self.next_nonempty(nx)
                };
                if jt == next && jt != NONE {
                    let n = self.blocks[b].instrs.len();
                    self.blocks[b].instrs[n - 1].op = o(Opcode::Nop);
                    self.blocks[b].instrs[n - 1].arg = 0;
                    changes += 1;
                }
            }
        }
        changes
    }

    pub fn remove_redundant_nops_and_jumps(&mut self) {
        loop {
            let a = self.remove_redundant_nops();
            let b = self.remove_redundant_jumps();
            if a + b == 0 {
                break;
            }
        }
    }

    // ------------------------------------------------------- consts

    pub fn remove_unused_consts(&mut self, consts: &mut Vec<ConstValue>) {
        let n = consts.len();
        if n == 0 {
            return;
        }
        let mut used = vec![false; n];
        used[0] = true;
        let lc = o(Opcode::LoadConst);
        let rc = o(Opcode::ReturnConst);
        for b in &self.blocks {
            for i in &b.instrs {
                if i.op == lc || i.op == rc {
                    used[i.arg as usize] = true;
                }
            }
        }
        if used.iter().all(|u| *u) {
            return;
        }
        let mut map = vec![0u32; n];
        let mut newc = Vec::with_capacity(n);
        for (k, c) in std::mem::take(consts).into_iter().enumerate() {
            if used[k] {
                map[k] = newc.len() as u32;
                newc.push(c);
            }
        }
        *consts = newc;
        for b in self.blocks.iter_mut() {
            for i in b.instrs.iter_mut() {
                if i.op == lc || i.op == rc {
                    i.arg = map[i.arg as usize];
                }
            }
        }
    }

    // ------------------------------------------ uninitialized locals

    pub fn add_checks_for_uninitialized(&mut self, nlocals: usize, nparams: usize) {
        if nlocals == 0 {
            return;
        }
        let mut nl = nlocals;
        if nlocals > 64 {
            self.fast_scan_many_locals(nlocals);
            nl = 64;
        }
        for b in self.blocks.iter_mut() {
            b.unsafe_mask = 0;
            b.visited = false;
        }
        let mut stack = vec![];
        let mut start = 0u64;
        for i in nparams..nl {
            start |= 1u64 << i;
        }
        self.maybe_push(self.entry, start, &mut stack);
        for b in self.order() {
            self.scan_block_for_locals(b, &mut stack);
        }
        while let Some(b) = stack.pop() {
            self.blocks[b].visited = false;
            self.scan_block_for_locals(b, &mut stack);
        }
        for b in self.blocks.iter_mut() {
            b.visited = false;
        }
    }

    fn maybe_push(&mut self, b: usize, mask: u64, stack: &mut Vec<usize>) {
        let both = self.blocks[b].unsafe_mask | mask;
        if self.blocks[b].unsafe_mask != both {
            self.blocks[b].unsafe_mask = both;
            if !self.blocks[b].visited {
                stack.push(b);
                self.blocks[b].visited = true;
            }
        }
    }

    fn scan_block_for_locals(&mut self, b: usize, stack: &mut Vec<usize>) {
        use Opcode::*;
        let mut mask = self.blocks[b].unsafe_mask;
        for i in 0..self.blocks[b].instrs.len() {
            let ins = self.blocks[b].instrs[i];
            if ins.except != NONE {
                self.maybe_push(ins.except, mask, stack);
            }
            if ins.arg >= 64 {
                continue;
            }
            let bit = 1u64 << ins.arg;
            if ins.op == o(DeleteFast)
                || ins.op == o(LoadFastAndClear)
                || ins.op == STORE_FAST_MAYBE_NULL
            {
                mask |= bit;
            } else if ins.op == o(StoreFast) || ins.op == o(LoadFastCheck) {
                mask &= !bit;
            } else if ins.op == o(LoadFast) {
                if mask & bit != 0 {
                    self.blocks[b].instrs[i].op = o(LoadFastCheck);
                }
                mask &= !bit;
            }
        }
        let nx = self.blocks[b].next;
        if nx != NONE && self.blocks[b].has_fallthrough() {
            self.maybe_push(nx, mask, stack);
        }
        if let Some(last) = self.blocks[b].last().copied() {
            if is_jump(last.op) {
                self.maybe_push(last.target, mask, stack);
            }
        }
    }

    fn fast_scan_many_locals(&mut self, nlocals: usize) {
        use Opcode::*;
        let mut states = vec![0usize; nlocals - 64];
        let mut blocknum = 0usize;
        for b in self.order() {
            blocknum += 1;
            for ins in self.blocks[b].instrs.iter_mut() {
                let a = ins.arg as usize;
                if a < 64 || a >= nlocals {
                    continue;
                }
                if ins.op == o(DeleteFast)
                    || ins.op == o(LoadFastAndClear)
                    || ins.op == STORE_FAST_MAYBE_NULL
                {
                    states[a - 64] = blocknum - 1;
                } else if ins.op == o(StoreFast) {
                    states[a - 64] = blocknum;
                } else if ins.op == o(LoadFast) {
                    if states[a - 64] != blocknum {
                        ins.op = o(LoadFastCheck);
                    }
                    states[a - 64] = blocknum;
                }
            }
        }
    }

    // ------------------------------------------------ superinstructions

    pub fn insert_superinstructions(&mut self) {
        use Opcode::*;
        for b in self.order() {
            let instrs = &mut self.blocks[b].instrs;
            for i in 0..instrs.len() {
                if i + 1 >= instrs.len() {
                    break;
                }
                let (a, c) = (instrs[i], instrs[i + 1]);
                let sup = if a.op == o(LoadFast) && c.op == o(LoadFast) {
                    Some(LoadFastLoadFast)
                } else if a.op == o(StoreFast) && c.op == o(LoadFast) {
                    Some(StoreFastLoadFast)
                } else if a.op == o(StoreFast) && c.op == o(StoreFast) {
                    Some(StoreFastStoreFast)
                } else {
                    None
                };
                if let Some(s) = sup {
                    let (l1, l2) = (a.loc.line, c.loc.line);
                    if l1 >= 0 && l2 >= 0 && l1 != l2 {
                        continue;
                    }
                    if a.arg >= 16 || c.arg >= 16 {
                        continue;
                    }
                    instrs[i].op = o(s);
                    instrs[i].arg = (a.arg << 4) | c.arg;
                    instrs[i + 1].op = o(Nop);
                    instrs[i + 1].arg = 0;
                }
            }
        }
        self.remove_redundant_nops();
    }

    // ------------------------------------------------------- cold code

    pub fn push_cold_blocks_to_end(&mut self) {
        if self.blocks[self.entry].next == NONE {
            return;
        }
        self.mark_cold();
        for b in self.order() {
            let nx = self.blocks[b].next;
            if self.blocks[b].cold
                && self.blocks[b].has_fallthrough()
                && nx != NONE
                && self.blocks[nx].warm
            {
                let j = self.new_block();
                self.blocks[nx].is_label = true;
                self.blocks[j].instrs.push(Instr {
                    op: JUMP_NO_INTERRUPT,
                    arg: 0,
                    target: nx,
                    loc: NO_LOC,
                    except: NONE,
                    propagated: false,
                });
                self.blocks[j].cold = true;
                self.blocks[j].next = nx;
                self.blocks[j].preds = 1;
                self.blocks[b].next = j;
            }
        }
        let order = self.order();
        let (warm, cold): (Vec<usize>, Vec<usize>) =
            order.into_iter().partition(|&b| !self.blocks[b].cold);
        let all: Vec<usize> = warm.into_iter().chain(cold).collect();
        for w in all.windows(2) {
            self.blocks[w[0]].next = w[1];
        }
        if let Some(&l) = all.last() {
            self.blocks[l].next = NONE;
        }
        self.entry = all[0];
        self.remove_redundant_nops_and_jumps();
    }

    fn mark_cold(&mut self) {
        for b in self.blocks.iter_mut() {
            b.cold = false;
            b.warm = false;
            b.visited = false;
        }
        let mut stack = vec![self.entry];
        self.blocks[self.entry].visited = true;
        while let Some(b) = stack.pop() {
            self.blocks[b].warm = true;
            let nx = self.blocks[b].next;
            if nx != NONE && self.blocks[b].has_fallthrough() && !self.blocks[nx].visited {
                self.blocks[nx].visited = true;
                stack.push(nx);
            }
            let ts: Vec<usize> = self.blocks[b]
                .instrs
                .iter()
                .filter(|i| is_jump(i.op))
                .map(|i| i.target)
                .collect();
            for t in ts {
                if !self.blocks[t].visited {
                    self.blocks[t].visited = true;
                    stack.push(t);
                }
            }
        }
        let order = self.order();
        for &b in &order {
            if self.blocks[b].except_handler && !self.blocks[b].warm {
                stack.push(b);
                self.blocks[b].visited = true;
            }
        }
        while let Some(b) = stack.pop() {
            self.blocks[b].cold = true;
            let nx = self.blocks[b].next;
            if nx != NONE
                && self.blocks[b].has_fallthrough()
                && !self.blocks[nx].warm
                && !self.blocks[nx].visited
            {
                self.blocks[nx].visited = true;
                stack.push(nx);
            }
            let ts: Vec<usize> = self.blocks[b]
                .instrs
                .iter()
                .filter(|i| is_jump(i.op))
                .map(|i| i.target)
                .collect();
            for t in ts {
                if !self.blocks[t].warm && !self.blocks[t].visited {
                    self.blocks[t].visited = true;
                    stack.push(t);
                }
            }
        }
        for b in self.blocks.iter_mut() {
            b.visited = false;
        }
    }

    // ------------------------------------------------------ stack depth

    pub fn stackdepth(&mut self) -> Result<u32, String> {
        for b in self.blocks.iter_mut() {
            b.startdepth = i32::MIN;
        }
        let mut stack = vec![];
        let push = |blocks: &mut Vec<Block>,
                    stack: &mut Vec<usize>,
                    b: usize,
                    d: i32|
         -> Result<(), String> {
            if blocks[b].startdepth == i32::MIN {
                blocks[b].startdepth = d;
                stack.push(b);
                Ok(())
            } else if blocks[b].startdepth != d {
                Err(format!(
                    "inconsistent stack depth at block {b}: {} vs {d}",
                    blocks[b].startdepth
                ))
            } else {
                Ok(())
            }
        };
        push(&mut self.blocks, &mut stack, self.entry, 0)?;
        let mut maxdepth = 0;
        while let Some(b) = stack.pop() {
            let mut depth = self.blocks[b].startdepth;
            let mut next = self.blocks[b].next;
            for k in 0..self.blocks[b].instrs.len() {
                let ins = self.blocks[b].instrs[k];
                let nd = depth + stack_effect(ins.op, ins.arg, false);
                if nd < 0 {
                    return Err(format!("stack underflow at {}", op_name(ins.op)));
                }
                maxdepth = maxdepth.max(nd);
                if has_target(ins.op) {
                    let td = depth + stack_effect(ins.op, ins.arg, true);
                    maxdepth = maxdepth.max(td);
                    push(&mut self.blocks, &mut stack, ins.target, td)?;
                }
                depth = nd;
                if is_uncond_jump(ins.op) || is_scope_exit(ins.op) {
                    next = NONE;
                    break;
                }
            }
            if next != NONE {
                push(&mut self.blocks, &mut stack, next, depth)?;
            }
        }
        Ok(maxdepth as u32)
    }

    // --------------------------------------------------------- final

    pub fn convert_pseudo_ops(&mut self) {
        for b in self.blocks.iter_mut() {
            for i in b.instrs.iter_mut() {
                if is_block_push(i.op) {
                    i.op = o(Opcode::Nop);
                    i.arg = 0;
                } else if i.op == LOAD_CLOSURE {
                    i.op = o(Opcode::LoadFast);
                } else if i.op == STORE_FAST_MAYBE_NULL {
                    i.op = o(Opcode::StoreFast);
                }
            }
        }
        self.remove_redundant_nops_and_jumps();
    }

    pub fn normalize_jumps(&mut self) {
        use Opcode::*;
        for b in self.blocks.iter_mut() {
            b.visited = false;
        }
        let mut b = self.entry;
        while b != NONE {
            self.blocks[b].visited = true;
            if let Some(last) = self.blocks[b].last().copied() {
                if is_jump(last.op) && !is_uncond_jump(last.op) && self.blocks[last.target].visited
                {
                    let rev = if last.op == o(PopJumpIfNotNone) {
                        Some(PopJumpIfNone)
                    } else if last.op == o(PopJumpIfNone) {
                        Some(PopJumpIfNotNone)
                    } else if last.op == o(PopJumpIfFalse) {
                        Some(PopJumpIfTrue)
                    } else if last.op == o(PopJumpIfTrue) {
                        Some(PopJumpIfFalse)
                    } else {
                        None
                    };
                    if let Some(r) = rev {
                        let j = self.new_block();
                        self.blocks[j].instrs.push(Instr {
                            op: JUMP,
                            arg: 0,
                            target: last.target,
                            loc: last.loc,
                            except: NONE,
                            propagated: false,
                        });
                        self.blocks[j].cold = self.blocks[b].cold;
                        let nx = self.blocks[b].next;
                        self.blocks[j].next = nx;
                        self.blocks[j].visited = true;
                        let n = self.blocks[b].instrs.len();
                        self.blocks[b].instrs[n - 1].op = o(r);
                        self.blocks[b].instrs[n - 1].target = nx;
                        self.blocks[b].next = j;
                        b = j;
                    }
                }
            }
            b = self.blocks[b].next;
        }
    }
}

pub fn add_const(consts: &mut Vec<ConstValue>, c: Constant) -> u32 {
    for (i, x) in consts.iter().enumerate() {
        if let ConstValue::Literal(l) = x {
            if same_const(l, &c) {
                return i as u32;
            }
        }
    }
    consts.push(ConstValue::Literal(c));
    (consts.len() - 1) as u32
}

fn same_const(a: &Constant, b: &Constant) -> bool {
    match (a, b) {
        (Constant::Float(x), Constant::Float(y)) => x.to_bits() == y.to_bits(),
        (Constant::Complex { real: a, imag: b }, Constant::Complex { real: c, imag: d }) => {
            a.to_bits() == c.to_bits() && b.to_bits() == d.to_bits()
        }
        (Constant::Tuple(x), Constant::Tuple(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(p, q)| same_const(p, q))
        }
        (Constant::Bool(_), Constant::Int(_)) | (Constant::Int(_), Constant::Bool(_)) => false,
        _ => a == b,
    }
}

/// CPython's `fold_tuple_on_constants`: `LOAD_CONST`s followed by
/// `BUILD_TUPLE n` become one `LOAD_CONST` of the tuple.
fn fold_tuple(instrs: &mut [Instr], i: usize, consts: &mut Vec<ConstValue>) {
    let n = instrs[i].arg as usize;
    let lc = o(Opcode::LoadConst);
    let mut items = Vec::with_capacity(n);
    for k in i - n..i {
        if instrs[k].op != lc {
            return;
        }
        match &consts[instrs[k].arg as usize] {
            ConstValue::Literal(c) => items.push(c.clone()),
            _ => return,
        }
    }
    let idx = add_const(consts, Constant::Tuple(items));
    for ins in instrs[i - n..i].iter_mut() {
        ins.op = o(Opcode::Nop);
        ins.arg = 0;
    }
    instrs[i].op = lc;
    instrs[i].arg = idx;
}
