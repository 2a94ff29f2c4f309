//! Parses every module of CPython 3.13's own library (run by hand:
//! `cargo test -p rython-parser --test stdlib -- --ignored --nocapture`).
//! Files CPython itself rejects are skipped; the rest must parse.

use rython_parser::{parse_bytes, Mode};
use std::path::{Path, PathBuf};

fn lib_dir() -> Option<PathBuf> {
    let out = std::process::Command::new("pyenv")
        .args(["prefix", "3.13.0"])
        .output()
        .ok()?;
    let prefix = String::from_utf8(out.stdout).ok()?;
    let dir = Path::new(prefix.trim()).join("lib/python3.13");
    dir.is_dir().then_some(dir)
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            if !p.ends_with("site-packages") && !p.ends_with("lib2to3") {
                walk(&p, out);
            }
        } else if p.extension().is_some_and(|x| x == "py") {
            out.push(p);
        }
    }
}

/// Files that are deliberately invalid, or that CPython 3.13 cannot compile.
fn expected_bad(p: &Path) -> bool {
    let s = p.to_string_lossy();
    let name = p.file_name().unwrap().to_string_lossy();
    name.starts_with("bad") || name.starts_with("badsyntax") || s.contains("tokenizedata/bad")
}

#[test]
#[ignore]
fn whole_stdlib_parses() {
    let Some(dir) = lib_dir() else {
        eprintln!("CPython 3.13 not found; skipped");
        return;
    };
    let mut files = Vec::new();
    walk(&dir, &mut files);
    files.sort();
    let (files_c, dir_c) = (files.clone(), dir.clone());
    let failures = std::thread::Builder::new()
        .stack_size(64 << 20)
        .spawn(move || {
            let mut failures = Vec::new();
            let mut ok = 0;
            for f in &files_c {
                if expected_bad(f) {
                    continue;
                }
                let bytes = std::fs::read(f).unwrap();
                match parse_bytes(&bytes, Mode::Exec, &f.to_string_lossy()) {
                    Ok(_) => ok += 1,
                    Err(e) => failures.push(format!(
                        "{}:{}:{}: {}",
                        f.strip_prefix(&dir_c).unwrap().display(),
                        e.lineno,
                        e.offset,
                        e.msg
                    )),
                }
            }
            eprintln!("{} files parsed, {} failed", ok, failures.len());
            failures
        })
        .unwrap()
        .join()
        .unwrap();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    let _ = files;
}
