//! `PYTHONMALLOC=debug`/`malloc_debug`: the allocator's debug hooks frame
//! every object block and check it when freed. Running real programs under
//! them must change nothing a user sees (no false alarms), and an unknown
//! allocator name is CPython's fatal start-up error.

mod common;

use std::time::Duration;

fn run(env: &str, code: &str) -> common::RunResult {
    let root = common::tests_root();
    let mut cmd = common::base_command(&common::rython_exe(), &root);
    cmd.env("PYTHONMALLOC", env).arg("-c").arg(code);
    common::run_with_limit(cmd, None, Duration::from_secs(60))
}

const PROGRAM: &str = r#"
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return f"Point({self.x}, {self.y})"
pts = [Point(i, i * i) for i in range(2000)]
words = " ".join(str(p) for p in pts).split()
d = {w: len(w) for w in words}
def gen(n):
    for i in range(n):
        yield i * 1.5
print(len(pts), len(words), len(d), sum(gen(1000)), pts[-1], 2 ** 200 % 97)
"#;

#[test]
fn programs_run_unchanged_under_the_debug_hooks() {
    let plain = run("pymalloc", PROGRAM);
    assert_eq!(
        plain.code(),
        0,
        "{}",
        String::from_utf8_lossy(&plain.stderr)
    );
    for kind in ["debug", "pymalloc_debug", "malloc_debug"] {
        let r = run(kind, PROGRAM);
        assert_eq!(
            r.code(),
            0,
            "{kind}: {}",
            String::from_utf8_lossy(&r.stderr)
        );
        assert_eq!(r.stdout, plain.stdout, "{kind}");
        assert!(
            r.stderr.is_empty(),
            "{kind}: {}",
            String::from_utf8_lossy(&r.stderr)
        );
    }
}

#[test]
fn an_unknown_allocator_is_a_fatal_error() {
    let r = run("bogus", "print(1)");
    assert_eq!(r.code(), 1);
    assert!(String::from_utf8_lossy(&r.stderr)
        .contains("Fatal Python error: preconfig_init_allocator: PYTHONMALLOC: unknown allocator"));
}
