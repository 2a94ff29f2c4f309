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

pub fn optimize_swaps(b: &mut [Instr]) {
    for i in 0..b.len() {
        if b[i].op == op(Opcode::Swap) {
            apply_static_swaps(b, i);
        }
    }
}
