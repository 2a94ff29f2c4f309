//! Final assembly (CPython's Python/assemble.c plus the tail of
//! flowgraph.c): runs the CFG passes, lays out blocks, sizes
//! `EXTENDED_ARG`s, resolves jumps and builds the position and exception
//! tables.

use crate::code::{fast_kind, CodeObject, ConstValue, ExceptionTableEntry, Position};
use crate::codegen::Unit;
use crate::error::CompileError;
use crate::flowgraph::*;
use crate::opcode::Opcode;
use rython_parser::ast;

fn o(x: Opcode) -> Op {
    op(x)
}

fn instr_size(arg: u32) -> u32 {
    match arg {
        0..=0xff => 1,
        0x100..=0xffff => 2,
        0x1_0000..=0xff_ffff => 3,
        _ => 4,
    }
}

fn is_deref_op(x: Op) -> bool {
    use Opcode::*;
    x == LOAD_CLOSURE
        || (is_real(x)
            && matches!(
                real(x),
                LoadDeref | StoreDeref | DeleteDeref | LoadFromDictOrDeref | MakeCell
            ))
}

pub(crate) fn assemble(u: Unit, flags: u32, filename: &str) -> Result<CodeObject, CompileError> {
    let Unit {
        instrs,
        labels,
        mut consts,
        names,
        varnames,
        cellvars,
        freevars,
        argcount,
        posonlyargcount,
        kwonlyargcount,
        firstlineno,
        name,
        qualname,
        nparams,
        hidden_ever,
        ..
    } = u;
    let mut g = Cfg::from_instrs(instrs, &labels);
    g.mark_except_handlers();
    g.label_exception_targets();
    g.optimize(&mut consts);
    g.remove_unused_consts(&mut consts);
    g.add_checks_for_uninitialized(varnames.list.len(), nparams);
    g.insert_superinstructions();
    g.push_cold_blocks_to_end();
    g.resolve_line_numbers();
    let stacksize = g.stackdepth().map_err(|m| {
        CompileError::new(format!("internal compiler error: {m}"), ast::Loc::default())
    })?;

    // co_localsplus: locals, then cells that are not arguments, then frees.
    let nlocals = varnames.list.len();
    let mut localsplusnames: Vec<String> = varnames.list.clone();
    let mut kinds: Vec<u8> = varnames
        .list
        .iter()
        .map(|n| {
            fast_kind::LOCAL
                | if hidden_ever.contains(n) {
                    fast_kind::HIDDEN
                } else {
                    0
                }
        })
        .collect();
    let mut cell_index = Vec::with_capacity(cellvars.list.len());
    for c in &cellvars.list {
        if let Some(i) = varnames.get(c) {
            kinds[i as usize] |= fast_kind::CELL;
            cell_index.push(i);
        } else {
            cell_index.push(localsplusnames.len() as u32);
            localsplusnames.push(c.clone());
            kinds.push(fast_kind::CELL);
        }
    }
    let free_base = localsplusnames.len() as u32;
    for f in &freevars.list {
        localsplusnames.push(f.clone());
        kinds.push(fast_kind::FREE);
    }
    let ncells = cellvars.list.len() as u32;
    let fix = |a: u32| -> u32 {
        if a < ncells {
            cell_index[a as usize]
        } else {
            free_base + (a - ncells)
        }
    };
    for b in g.blocks.iter_mut() {
        for i in b.instrs.iter_mut() {
            if is_deref_op(i.op) {
                i.arg = fix(i.arg);
            }
        }
    }
    // Prefix: COPY_FREE_VARS, MAKE_CELLs, then RETURN_GENERATOR/POP_TOP.
    let mut prefix = vec![];
    if !freevars.list.is_empty() {
        prefix.push(Instr {
            op: o(Opcode::CopyFreeVars),
            arg: freevars.list.len() as u32,
            target: NONE,
            loc: NO_LOC,
            except: NONE,
            propagated: false,
        });
    }
    let mut cells_sorted: Vec<u32> = cell_index.clone();
    cells_sorted.sort();
    for c in cells_sorted {
        prefix.push(Instr {
            op: o(Opcode::MakeCell),
            arg: c,
            target: NONE,
            loc: NO_LOC,
            except: NONE,
            propagated: false,
        });
    }
    use crate::code::flags as F;
    if flags & (F::GENERATOR | F::COROUTINE | F::ASYNC_GENERATOR) != 0 {
        let l = Loc {
            line: firstlineno as i32,
            end_line: firstlineno as i32,
            col: -1,
            end_col: -1,
        };
        prefix.push(Instr {
            op: o(Opcode::ReturnGenerator),
            arg: 0,
            target: NONE,
            loc: l,
            except: NONE,
            propagated: false,
        });
        prefix.push(Instr {
            op: o(Opcode::PopTop),
            arg: 0,
            target: NONE,
            loc: l,
            except: NONE,
            propagated: false,
        });
    }
    if !prefix.is_empty() {
        let e = g.entry;
        prefix.extend(std::mem::take(&mut g.blocks[e].instrs));
        g.blocks[e].instrs = prefix;
    }
    g.convert_pseudo_ops();
    g.normalize_jumps();

    // Layout with EXTENDED_ARG sizing; sizes only grow, so this converges.
    let order = g.order();
    let mut pos_of = vec![usize::MAX; g.blocks.len()];
    for (k, &b) in order.iter().enumerate() {
        pos_of[b] = k;
    }
    let mut sizes: Vec<Vec<u32>> = order
        .iter()
        .map(|&b| vec![1; g.blocks[b].instrs.len()])
        .collect();
    let mut args: Vec<Vec<u32>> = order
        .iter()
        .map(|&b| g.blocks[b].instrs.iter().map(|i| i.arg).collect())
        .collect();
    loop {
        let mut off = 0u32;
        for (k, &b) in order.iter().enumerate() {
            g.blocks[b].offset = off;
            for s in &sizes[k] {
                off += s;
            }
        }
        let mut changed = false;
        for (k, &b) in order.iter().enumerate() {
            let mut cur = g.blocks[b].offset;
            for (j, ins) in g.blocks[b].instrs.iter().enumerate() {
                let end = cur + sizes[k][j];
                if is_jump(ins.op) {
                    let t = g.blocks[ins.target].offset;
                    let backward = if ins.op == JUMP || ins.op == JUMP_NO_INTERRUPT {
                        pos_of[ins.target] <= k
                    } else {
                        ins.op == o(Opcode::JumpBackward)
                            || ins.op == o(Opcode::JumpBackwardNoInterrupt)
                    };
                    args[k][j] = if backward {
                        end.saturating_sub(t)
                    } else {
                        t.saturating_sub(end)
                    };
                }
                let need = instr_size(args[k][j]);
                if need > sizes[k][j] {
                    sizes[k][j] = need;
                    changed = true;
                }
                cur = end;
            }
        }
        if !changed {
            break;
        }
    }
    let mut code = vec![];
    let mut positions = vec![];
    let mut handlers: Vec<(u32, usize)> = vec![];
    for (k, &b) in order.iter().enumerate() {
        for (j, ins) in g.blocks[b].instrs.iter().enumerate() {
            let mut opc = ins.op;
            if opc == JUMP || opc == JUMP_NO_INTERRUPT {
                let backward = pos_of[ins.target] <= k;
                opc = match (opc == JUMP, backward) {
                    (_, false) => o(Opcode::JumpForward),
                    (true, true) => o(Opcode::JumpBackward),
                    (false, true) => o(Opcode::JumpBackwardNoInterrupt),
                };
            }
            let arg = args[k][j];
            let size = sizes[k][j];
            let p = to_position(ins.loc);
            for s in (1..size).rev() {
                code.push(Opcode::ExtendedArg as u8);
                code.push(((arg >> (8 * s)) & 0xff) as u8);
                positions.push(p);
                handlers.push(((code.len() / 2 - 1) as u32, ins.except));
            }
            code.push(opc as u8);
            code.push((arg & 0xff) as u8);
            positions.push(p);
            handlers.push(((code.len() / 2 - 1) as u32, ins.except));
        }
    }
    let mut exception_table = vec![];
    let mut cur: Option<(u32, usize)> = None;
    let total = (code.len() / 2) as u32;
    for (off, h) in handlers {
        match cur {
            Some((_, ch)) if ch == h => {}
            _ => {
                if let Some((start, ch)) = cur {
                    if ch != NONE {
                        exception_table.push(entry(&g, start, off, ch));
                    }
                }
                cur = Some((off, h));
            }
        }
    }
    if let Some((start, ch)) = cur {
        if ch != NONE {
            exception_table.push(entry(&g, start, total, ch));
        }
    }
    let _ = &consts;
    Ok(CodeObject {
        code,
        consts,
        names: names.list,
        localsplusnames,
        localspluskinds: kinds,
        argcount,
        posonlyargcount,
        kwonlyargcount,
        stacksize,
        flags,
        filename: filename.to_string(),
        name,
        qualname,
        firstlineno,
        positions,
        exception_table,
    })
    .map(|c| {
        let _: &Vec<ConstValue> = &c.consts;
        let _ = nlocals;
        c
    })
}

fn entry(g: &Cfg, start: u32, end: u32, h: usize) -> ExceptionTableEntry {
    let b = &g.blocks[h];
    let lasti = b.preserve_lasti;
    let depth = (b.startdepth - 1 - lasti as i32).max(0) as u32;
    ExceptionTableEntry {
        start,
        end,
        target: b.offset,
        depth,
        lasti,
    }
}

fn to_position(l: Loc) -> Position {
    if l.line < 0 {
        return Position {
            lineno: 0,
            end_lineno: 0,
            col: u32::MAX,
            end_col: u32::MAX,
        };
    }
    let c = |x: i32| if x < 0 { u32::MAX } else { x as u32 };
    Position {
        lineno: l.line as u32,
        end_lineno: l.end_line.max(0) as u32,
        col: c(l.col),
        end_col: c(l.end_col),
    }
}
