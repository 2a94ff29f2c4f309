//! CPython's `apply_static_swaps`: a `SWAP` followed by stores is replaced
//! by reordering the stores themselves.

use crate::instr::{op, Instr, STORE_FAST_MAYBE_NULL};
use crate::opcode::Opcode;

fn swappable(o: u16) -> bool {
    o == op(Opcode::StoreFast) || o == STORE_FAST_MAYBE_NULL || o == op(Opcode::PopTop)
}

fn stores_to(i: &Instr) -> i64 {
    if i.op == op(Opcode::StoreFast) || i.op == STORE_FAST_MAYBE_NULL {
        i.arg as i64
    } else {
        -1
    }
}

fn next_swappable(b: &[Instr], mut i: usize, lineno: Option<i32>) -> Option<usize> {
    loop {
        i += 1;
        if i >= b.len() {
            return None;
        }
        let ins = &b[i];
        if let Some(l) = lineno {
            if l >= 0 && ins.loc.line != l {
                return None;
            }
        }
        if ins.op == op(Opcode::Nop) {
            continue;
        }
        return if swappable(ins.op) { Some(i) } else { None };
    }
}

fn apply_static_swaps(b: &mut [Instr], start: usize) {
    let mut i = start as i64;
    while i >= 0 {
        let iu = i as usize;
        let sw = b[iu];
        if sw.op != op(Opcode::Swap) {
            if sw.op == op(Opcode::Nop) || swappable(sw.op) {
                i -= 1;
                continue;
            }
            return;
        }
        let Some(j) = next_swappable(b, iu, None) else {
            return;
        };
        let mut k = j;
        let lineno = b[j].loc.line;
        let mut count = sw.arg as i64 - 1;
        while count > 0 {
            match next_swappable(b, k, Some(lineno)) {
                Some(x) => k = x,
                None => return,
            }
            count -= 1;
        }
        let (sj, sk) = (stores_to(&b[j]), stores_to(&b[k]));
        if sj >= 0 || sk >= 0 {
            if sj == sk {
                return;
            }
            for idx in j + 1..k {
                let s = stores_to(&b[idx]);
                if s >= 0 && (s == sj || s == sk) {
                    return;
                }
            }
        }
        b[iu].op = op(Opcode::Nop);
        b[iu].arg = 0;
        b.swap(j, k);
        i -= 1;
    }
}

/// CPython's `swaptimize`: a run of SWAPs (and NOPs) is replaced by the
/// shortest equivalent sequence. Returns the index of the run's last item.
fn swaptimize(b: &mut [Instr], ix: usize) -> usize {
    let nop = op(Opcode::Nop);
    let swap = op(Opcode::Swap);
    let mut depth = b[ix].arg as usize;
    let mut len = 0;
    let mut more = false;
    let limit = b.len() - ix;
    loop {
        len += 1;
        if len >= limit {
            break;
        }
        let o = b[ix + len].op;
        if o == swap {
            depth = depth.max(b[ix + len].arg as usize);
            more = true;
        } else if o != nop {
            break;
        }
    }
    if !more || depth == 0 {
        return ix;
    }
    const VISITED: i64 = -1;
    let mut stack: Vec<i64> = (0..depth as i64).collect();
    for i in 0..len {
        if b[ix + i].op == swap {
            let a = b[ix + i].arg as usize;
            if a == 0 || a > depth {
                return ix;
            }
            stack.swap(0, a - 1);
        }
    }
    let mut current = len as i64 - 1;
    for i in 0..depth {
        if stack[i] == VISITED || stack[i] == i as i64 {
            continue;
        }
        let mut j = i;
        loop {
            if j != 0 {
                if current < 0 {
                    return ix;
                }
                let c = ix + current as usize;
                b[c].op = swap;
                b[c].arg = j as u32 + 1;
                current -= 1;
            }
            if stack[j] == VISITED {
                break;
            }
            let nj = stack[j] as usize;
            stack[j] = VISITED;
            j = nj;
        }
    }
    while current >= 0 {
        let c = ix + current as usize;
        b[c].op = nop;
        b[c].arg = 0;
        current -= 1;
    }
    ix + len - 1
}

pub fn optimize_swaps(b: &mut [Instr]) {
    let mut i = 0;
    while i < b.len() {
        if b[i].op == op(Opcode::Swap) {
            i = swaptimize(b, i);
            apply_static_swaps(b, i);
        }
        i += 1;
    }
}
