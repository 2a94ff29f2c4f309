//! Test-only checks of finished code objects: every code unit has a
//! position entry, jumps land inside the code, and an abstract run of the
//! value stack over all paths (including exception handlers) never goes
//! negative or above `co_stacksize`.

use crate::code::{CodeObject, ConstValue};
use crate::instr::{op, stack_effect};
use crate::opcode::Opcode;

pub fn verify(co: &CodeObject, nlines: u32) -> Result<(), String> {
    let n = co.code.len() / 2;
    if co.positions.len() != n {
        return Err(format!(
            "{}: {} positions for {} code units",
            co.qualname,
            co.positions.len(),
            n
        ));
    }
    for (i, p) in co.positions.iter().enumerate() {
        if p.lineno > nlines + 1 || p.end_lineno > nlines + 1 {
            return Err(format!(
                "{}: position {:?} of unit {i} beyond the source",
                co.qualname, p
            ));
        }
    }
    // Decode (offset, opcode, full arg, size).
    let mut ins = vec![];
    let mut ext = 0u32;
    let mut start = 0usize;
    for i in 0..n {
        let o = co.code[2 * i];
        let a = co.code[2 * i + 1] as u32 | ext;
        if o == Opcode::ExtendedArg as u8 {
            ext = a << 8;
            continue;
        }
        ext = 0;
        let opc = Opcode::from_u8(o).ok_or_else(|| format!("{}: bad opcode {o}", co.qualname))?;
        ins.push((start, i, opc, a));
        start = i + 1;
    }
    let mut at_unit = vec![usize::MAX; n + 1];
    for (k, x) in ins.iter().enumerate() {
        at_unit[x.0] = k;
    }
    let mut depth: Vec<i32> = vec![i32::MIN; ins.len()];
    let mut work = vec![];
    let push =
        |depth: &mut Vec<i32>, work: &mut Vec<usize>, unit: usize, d: i32| -> Result<(), String> {
            let k = *at_unit.get(unit).unwrap_or(&usize::MAX);
            if k == usize::MAX {
                return Err(format!(
                    "{}: jump to unit {unit} which starts no instruction",
                    co.qualname
                ));
            }
            if depth[k] == i32::MIN {
                depth[k] = d;
                work.push(k);
            } else if depth[k] != d {
                return Err(format!(
                    "{}: stack depth {} vs {d} at unit {unit}",
                    co.qualname, depth[k]
                ));
            }
            Ok(())
        };
    push(&mut depth, &mut work, 0, 0)?;
    while let Some(k) = work.pop() {
        let (first, last, opc, a) = ins[k];
        let d = depth[k];
        let ef = stack_effect(op(opc), a, false);
        let nd = d + ef;
        if nd < 0 || nd as u32 > co.stacksize {
            return Err(format!(
                "{}: stack depth {nd} after {} at unit {last}",
                co.qualname,
                opc.name()
            ));
        }
        // Exception handler covering this instruction.
        for e in &co.exception_table {
            if (e.start as usize) <= last && last < e.end as usize {
                let hd = e.depth as i32 + 1 + e.lasti as i32;
                if hd as u32 > co.stacksize || e.depth as i32 > d {
                    return Err(format!("{}: handler depth {hd} too deep", co.qualname));
                }
                push(&mut depth, &mut work, e.target as usize, hd)?;
            }
        }
        use Opcode::*;
        let next = last + 1;
        let target = match opc {
            JumpBackward | JumpBackwardNoInterrupt => {
                Some(next.checked_sub(a as usize).ok_or("jump before start")?)
            }
            JumpForward | PopJumpIfFalse | PopJumpIfTrue | PopJumpIfNone | PopJumpIfNotNone
            | ForIter | Send => Some(next + a as usize),
            _ => None,
        };
        if let Some(t) = target {
            let td = d + stack_effect(op(opc), a, true);
            push(&mut depth, &mut work, t, td)?;
        }
        let falls = !matches!(
            opc,
            JumpBackward
                | JumpBackwardNoInterrupt
                | JumpForward
                | ReturnValue
                | ReturnConst
                | RaiseVarargs
                | Reraise
        );
        if falls {
            if next >= n {
                return Err(format!(
                    "{}: falls off the end after {}",
                    co.qualname,
                    opc.name()
                ));
            }
            push(&mut depth, &mut work, next, nd)?;
        }
        let _ = first;
    }
    for c in &co.consts {
        if let ConstValue::Code(sub) = c {
            verify(sub, nlines)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::verify;
    use std::path::Path;

    fn compile(src: &str, name: &str) -> Result<crate::CodeObject, String> {
        let m = rython_parser::parse(src, rython_parser::Mode::Exec, name)
            .map_err(|e| format!("parse: {}", e.msg))?;
        crate::compile(&m, src, name, crate::Mode::Exec, 0)
            .map_err(|e| format!("compile: {} line {}", e.msg, e.lineno))
    }

    #[test]
    fn sample_programs_verify() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/dis");
        for e in std::fs::read_dir(&dir).unwrap() {
            let p = e.unwrap().path();
            if p.extension().and_then(|s| s.to_str()) != Some("py") {
                continue;
            }
            let src = std::fs::read_to_string(&p).unwrap();
            let co = compile(&src, "t.py").unwrap();
            verify(&co, src.lines().count() as u32).unwrap();
        }
    }

    #[test]
    fn positions_point_at_the_expression() {
        let src = "def f(a, b):\n    return a.x + b[0]\n";
        let co = compile(src, "t.py").unwrap();
        let crate::ConstValue::Code(f) = &co.consts[0] else {
            panic!()
        };
        // BINARY_OP spans `a.x + b[0]`, as CPython's co_positions() says.
        let i = f
            .code
            .chunks(2)
            .position(|c| c[0] == crate::Opcode::BinaryOp as u8)
            .unwrap();
        let p = f.positions[i];
        assert_eq!((p.lineno, p.end_lineno, p.col, p.end_col), (2, 2, 11, 21));
        let i = f
            .code
            .chunks(2)
            .position(|c| c[0] == crate::Opcode::BinarySubscr as u8)
            .unwrap();
        let p = f.positions[i];
        assert_eq!((p.lineno, p.col, p.end_col), (2, 17, 21));
    }

    #[test]
    fn deep_nesting_compiles_or_is_a_recursion_error() {
        // CPython compiles a 5000-term chain and gives up at 10000.
        for (n, ok) in [(5000, true), (20000, false)] {
            let src = format!("x = {}\n", vec!["a"; n].join("+"));
            let Ok(m) = rython_parser::parse(&src, rython_parser::Mode::Exec, "t.py") else {
                continue;
            };
            match crate::compile(&m, &src, "t.py", crate::Mode::Exec, 0) {
                Ok(co) => {
                    assert!(ok, "{n} terms compiled");
                    verify(&co, 2).unwrap();
                }
                Err(e) => {
                    assert!(!ok, "{n} terms: {}", e.msg);
                    assert_eq!(e.msg, "maximum recursion depth exceeded during compilation");
                }
            }
        }
        // Unfoldable unary chains nest the other way.
        let src = format!("x = {}a\n", "-".repeat(3000));
        if let Ok(m) = rython_parser::parse(&src, rython_parser::Mode::Exec, "t.py") {
            let _ = crate::compile(&m, &src, "t.py", crate::Mode::Exec, 0);
        }
    }

    /// Compiles every module of CPython's standard library (run with
    /// `cargo test -p rython-compiler -- --ignored stdlib`).
    #[test]
    #[ignore]
    fn stdlib_compiles() {
        let out = std::process::Command::new("sh")
            .arg("-c")
            .arg("PYENV_VERSION=3.13.0 pyenv prefix")
            .output()
            .expect("pyenv");
        let lib = format!(
            "{}/lib/python3.13",
            String::from_utf8_lossy(&out.stdout).trim()
        );
        let mut files = vec![];
        let mut dirs = vec![std::path::PathBuf::from(&lib)];
        while let Some(d) = dirs.pop() {
            let Ok(rd) = std::fs::read_dir(&d) else {
                continue;
            };
            for e in rd.flatten() {
                let p = e.path();
                if p.is_dir() {
                    if !p.ends_with("site-packages") {
                        dirs.push(p);
                    }
                } else if p.extension().and_then(|s| s.to_str()) == Some("py") {
                    files.push(p);
                }
            }
        }
        files.sort();
        let (mut ok, mut parse_err, mut comp_err, mut bad) = (0, 0, 0, vec![]);
        for f in &files {
            let Ok(bytes) = std::fs::read(f) else {
                continue;
            };
            let name = f.display().to_string();
            let m = match rython_parser::parse_bytes(&bytes, rython_parser::Mode::Exec, &name) {
                Ok(m) => m,
                Err(_) => {
                    parse_err += 1;
                    continue;
                }
            };
            let src = String::from_utf8_lossy(&bytes);
            match crate::compile(&m, &src, &name, crate::Mode::Exec, 0) {
                Ok(co) => match verify(&co, src.lines().count() as u32) {
                    Ok(()) => ok += 1,
                    Err(e) => bad.push(format!("{name}: {e}")),
                },
                Err(e) => {
                    comp_err += 1;
                    bad.push(format!("{name}: {} (line {})", e.msg, e.lineno));
                }
            }
        }
        eprintln!(
            "stdlib: {} files, {ok} compiled and verified, {parse_err} parse errors, {comp_err} compile errors, {} failed verification",
            files.len(),
            bad.len() - comp_err
        );
        for b in bad.iter().take(50) {
            eprintln!("  {b}");
        }
        assert!(bad.len() - comp_err == 0, "verification failures");
    }
}

#[cfg(test)]
mod mode_tests {
    fn dis(src: &str, mode: crate::Mode) -> String {
        let pm = match mode {
            crate::Mode::Exec => rython_parser::Mode::Exec,
            crate::Mode::Eval => rython_parser::Mode::Eval,
            crate::Mode::Single => rython_parser::Mode::Single,
        };
        let m = rython_parser::parse(src, pm, "<s>").unwrap();
        crate::disassemble(&crate::compile(&m, src, "<s>", mode, 0).unwrap())
    }

    #[test]
    fn single_mode_prints_expression_statements() {
        let d = dis("1 + x\n", crate::Mode::Single);
        assert!(
            d.contains("CALL_INTRINSIC_1         1 (INTRINSIC_PRINT)"),
            "{d}"
        );
    }

    #[test]
    fn eval_mode_returns_the_value() {
        let d = dis("a + 1", crate::Mode::Eval);
        assert!(
            d.contains("BINARY_OP                0 (+)\n              RETURN_VALUE"),
            "{d}"
        );
    }

    #[test]
    fn optimize_drops_asserts_and_docstrings() {
        let src = "def f():\n    'doc'\n    assert x\n";
        let m = rython_parser::parse(src, rython_parser::Mode::Exec, "<s>").unwrap();
        let co = crate::compile(&m, src, "<s>", crate::Mode::Exec, 2).unwrap();
        let d = crate::disassemble(&co);
        assert!(
            !d.contains("LOAD_ASSERTION_ERROR") && !d.contains("'doc'"),
            "{d}"
        );
    }
}
