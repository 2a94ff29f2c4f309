//! Standard descriptors closed when the interpreter starts (`<&-`, `>&-`):
//! the matching `sys` streams are None, as in CPython. A shell closes them
//! (the test harness cannot without `unsafe`).

mod common;

use std::process::Command;

use common::rython_exe;

fn run_sh(script: &str) -> (String, String, Option<i32>) {
    let out = Command::new("sh")
        .arg("-c")
        .arg(script)
        .arg(rython_exe())
        .env("LC_ALL", "C.UTF-8")
        .output()
        .expect("run sh");
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        out.status.code(),
    )
}

#[test]
fn closed_stdin_is_none() {
    let (out, err, code) = run_sh(
        r#"exec "$0" -c 'import sys
print(sys.stdin, sys.__stdin__)
try:
    input()
except RuntimeError as e:
    print(e)' <&-"#,
    );
    assert_eq!(out, "None None\ninput(): lost sys.stdin\n", "{err}");
    assert_eq!(code, Some(0));
}

#[test]
fn closed_stdout_and_stderr_are_none() {
    let (out, err, code) = run_sh(
        r#"exec "$0" -c 'import sys
print("lost")
print(sys.stdout, sys.__stdout__, file=sys.stderr)' >&-"#,
    );
    assert_eq!(out, "");
    assert_eq!(err, "None None\n");
    assert_eq!(code, Some(0));

    let (out, err, code) = run_sh(
        r#"exec "$0" -c 'import sys
print(sys.stderr, sys.__stderr__)
raise SystemExit(3)' 2>&-"#,
    );
    assert_eq!(out, "None None\n", "{err}");
    assert_eq!(code, Some(3));
}

#[test]
fn dev_null_stdin_is_a_stream() {
    let (out, _err, code) =
        run_sh(r#"exec "$0" -c 'import sys; print(sys.stdin.read() == "")' </dev/null"#);
    assert_eq!(out, "True\n");
    assert_eq!(code, Some(0));
}
