//! Disassembly of small programs, compared with listings derived from
//! CPython 3.13's `dis.dis` (identical except jump arguments, which count
//! code units without inline caches, and code object addresses).

use std::path::Path;

fn listing(path: &Path) -> String {
    let src = std::fs::read_to_string(path).unwrap();
    let name = path.file_name().unwrap().to_str().unwrap();
    let m = rython_parser::parse(&src, rython_parser::Mode::Exec, name).expect("parse");
    let code =
        rython_compiler::compile(&m, &src, name, rython_compiler::Mode::Exec, 0).expect("compile");
    rython_compiler::disassemble(&code)
}

#[test]
fn listings_match_cpython() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/dis");
    let mut n = 0;
    for e in std::fs::read_dir(&dir).unwrap() {
        let p = e.unwrap().path();
        if p.extension().and_then(|s| s.to_str()) != Some("py") {
            continue;
        }
        let expected = std::fs::read_to_string(p.with_extension("dis")).unwrap();
        let got = listing(&p);
        assert_eq!(got, expected, "listing of {}", p.display());
        n += 1;
    }
    assert!(n >= 8);
}
