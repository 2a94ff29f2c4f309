//! `code.replace()` may not make a code object the eval loop would read out
//! of bounds (CPython would crash on such code; we refuse to build it).
//! Each case must end in a ValueError, never a Rust panic.

mod common;

use std::time::Duration;

#[test]
fn replacing_what_the_bytecode_relies_on_is_a_value_error() {
    let code = r#"
def f(a): return a + len("x")
for kw in ({"co_consts": ()}, {"co_names": ()}, {"co_argcount": 5},
           {"co_code": bytes(len(f.__code__.co_code))}, {"co_flags": 0x20 | f.__code__.co_flags}):
    try:
        type(f)(f.__code__.replace(**kw), {})(1)
        print("ran")
    except ValueError as e:
        print("ValueError", e)
print(type(f)(f.__code__.replace(co_name="g"), {"len": len})(1))
"#;
    let root = common::tests_root();
    let mut cmd = common::base_command(&common::rython_exe(), &root);
    cmd.arg("-c").arg(code);
    let r = common::run_with_limit(cmd, None, Duration::from_secs(60));
    let out = String::from_utf8_lossy(&r.stdout);
    let err = String::from_utf8_lossy(&r.stderr);
    assert!(!err.contains("panicked"), "{err}");
    assert_eq!(
        out.matches("ValueError replace():").count(),
        5,
        "{out}\n{err}"
    );
    assert!(out.ends_with("2\n"), "{out}");
}
