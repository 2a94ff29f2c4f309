//! Snippets in tests/data/*.txt parsed and compared with what CPython 3.13
//! reports for them (tests/data/*.expected, written by
//! tools/gen_expected.py): the full `ast.dump(..., include_attributes=True)`
//! for valid code, the SyntaxError class, message and location otherwise.

use rython_parser::{dump::dump_mod, parse, Mode};
use std::path::Path;

/// Our result in the format of the expected files.
pub fn outcome(src: &str, mode: Mode) -> String {
    let src = src.to_string();
    std::thread::Builder::new()
        .stack_size(64 << 20)
        .spawn(move || match parse(&src, mode, "f.py") {
            Ok(m) => dump_mod(&m),
            Err(e) => format!(
                "ERR|{}|{}|{}|{}|{}|{}",
                e.kind.name(),
                e.msg,
                e.lineno,
                e.offset,
                e.end_lineno,
                // The expected files write CPython's negative columns as 0.
                if e.end_offset == rython_parser::error::END_OFFSET_EOF {
                    0
                } else {
                    e.end_offset
                }
            ),
        })
        .unwrap()
        .join()
        .unwrap()
        .replace('\n', "\\n")
}

fn check(name: &str) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data");
    let cases = std::fs::read_to_string(dir.join(format!("{name}.txt"))).unwrap();
    let expected = std::fs::read_to_string(dir.join(format!("{name}.expected"))).unwrap();
    let cases: Vec<&str> = cases.split("\n----\n").collect();
    let expected: Vec<&str> = expected.lines().collect();
    assert_eq!(cases.len(), expected.len(), "regenerate {name}.expected");
    let mode = if name.starts_with("eval") {
        Mode::Eval
    } else if name.starts_with("single") {
        Mode::Single
    } else {
        Mode::Exec
    };
    let mut failures = Vec::new();
    for (case, want) in cases.iter().zip(&expected) {
        let got = outcome(case, mode);
        let same = match want.strip_suffix("|...") {
            // Errors CPython raises as other exception types: message only.
            Some(w) => got.split('|').nth(2) == w.split('|').nth(2),
            None => got == *want,
        };
        if !same {
            failures.push(format!("case {case:?}\n  want {want}\n  got  {got}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} differ:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

#[test]
fn valid_programs_match_cpython_ast() {
    check("valid");
}

#[test]
fn syntax_errors_match_cpython() {
    check("errors");
}

#[test]
fn more_valid_programs_match_cpython_ast() {
    check("valid_more");
}

#[test]
fn single_mode_matches_cpython() {
    check("single");
}

#[test]
fn eval_mode_matches_cpython() {
    check("eval");
}

/// Mutations of the valid programs (tokens dropped, swapped, inserted,
/// re-indented): error messages and locations as CPython reports them.
#[test]
fn mutated_programs_match_cpython() {
    check("errors_mutated");
}
