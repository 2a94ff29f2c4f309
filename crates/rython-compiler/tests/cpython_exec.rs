//! Runs programs compiled by us on CPython 3.13 itself (our code objects are
//! converted into real ones by `cpython_exec.py`) and compares their output
//! with CPython running the same source. Needs `PYENV_VERSION=3.13.0
//! python3`; run with `cargo test -p rython-compiler -- --ignored cpython`.

use std::path::Path;
use std::process::Command;

fn python(args: &[&str]) -> String {
    let out = Command::new("python3")
        .env("PYENV_VERSION", "3.13.0")
        .args(args)
        .output()
        .expect("python3");
    String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr)
}

#[test]
#[ignore]
fn cpython_runs_our_bytecode() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let runner = dir.join("cpython_exec.py");
    for e in std::fs::read_dir(dir.join("run")).unwrap() {
        let p = e.unwrap().path();
        let src = std::fs::read_to_string(&p).unwrap();
        let name = p.to_str().unwrap();
        let m = rython_parser::parse(&src, rython_parser::Mode::Exec, name).unwrap();
        let co = rython_compiler::compile(&m, &src, name, rython_compiler::Mode::Exec, 0).unwrap();
        let json = std::env::temp_dir().join(format!("rython-{}.json", std::process::id()));
        std::fs::write(&json, rython_compiler::json::code_to_json(&co)).unwrap();
        let ours = python(&[runner.to_str().unwrap(), json.to_str().unwrap(), name]);
        let theirs = python(&[name]);
        assert_eq!(ours, theirs, "output of {name}");
    }
}
