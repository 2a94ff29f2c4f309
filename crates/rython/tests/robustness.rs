//! Robustness suite: thousands of hostile inputs (random bytes, mutated and
//! truncated test programs, absurd nesting, huge literals, deep recursion) are
//! written to files and run as `rython <file>`. Whatever the input, the
//! interpreter must end by itself within the cap with status 0, 1 or 2, never
//! by a signal, never print a Rust panic, and when it exits 1 its last stderr
//! line must look like a Python exception line.
//!
//! Inputs come from an inline LCG with a fixed seed so a failure reproduces;
//! failing inputs are copied to `target/tmp/robustness-failures/`.
//! `RYTHON_ROBUST_SEED` changes the seed, `RYTHON_ROBUST_DUMP=dir` only writes
//! the inputs (to check them against CPython), `RYTHON_ROBUST_COUNT` scales
//! the number of random inputs.

mod common;

use common::{base_command, run_with_limit, rython_exe, tests_root};
use libtest_mimic::{Arguments, Failed, Trial};
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

const DEFAULT_SEED: u64 = 0x5259_5448_4f4e_0001;
const CAP: Duration = Duration::from_secs(5);
const MAX_FAILURES_PER_BATCH: usize = 3;

/// Knuth's MMIX constants; the high bits are the good ones.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() as usize) % n
        }
    }
    fn byte(&mut self) -> u8 {
        (self.next() & 0xff) as u8
    }
}

struct Input {
    label: String,
    data: Vec<u8>,
}

fn corpus() -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    let programs = tests_root().join("programs");
    let mut stack = vec![programs];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = fs::read_dir(&dir) else {
            continue;
        };
        let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        paths.sort();
        for p in paths {
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|e| e == "py") {
                if let Ok(data) = fs::read(&p) {
                    // Mutating loops, exits, sleeps or file and signal
                    // handling can legitimately hang or exit with other codes
                    // in CPython too; those programs are left out.
                    let text = String::from_utf8_lossy(&data);
                    let risky = [
                        "while",
                        "exit",
                        "Exit",
                        "sleep",
                        "open(",
                        "os.",
                        "signal",
                        "Interrupt",
                        "stdin",
                        "input(",
                        "recursionlimit",
                        "import",
                        "add_note",
                    ];
                    if !risky.iter().any(|r| text.contains(r)) {
                        out.push(data);
                    }
                }
            }
        }
    }
    out
}

const PUNCT: &[u8] = b"()[]{}:'\"\\\n #=,.*";

const TOKENS: &[&str] = &[
    "def ",
    "class ",
    "lambda",
    ":",
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    ",",
    ".",
    "=",
    "==",
    "+",
    "-",
    "*",
    "**",
    "/",
    "//",
    "%",
    "@",
    "<",
    ">",
    "not ",
    "and ",
    "or ",
    "if ",
    "else ",
    "elif ",
    "for ",
    "in ",
    "is ",
    "return ",
    "yield ",
    "await ",
    "async ",
    "try:",
    "except ",
    "finally:",
    "with ",
    "as ",
    "match ",
    "case ",
    "_",
    "x",
    "y",
    "f",
    "print",
    "1",
    "0x1F",
    "1.5e3",
    "3j",
    "'s'",
    "\"t\"",
    "f'{x}'",
    "b'\\x00'",
    "\"\"\"",
    "'''",
    "\\",
    "#",
    "\n",
    "    ",
    "\t",
    " ",
    ";",
    "->",
    ":=",
    "...",
    "None",
    "True",
    "global ",
    "nonlocal ",
    "del ",
    "raise ",
    "from ",
    "import ",
    "pass",
    "break",
    "continue",
    "*args",
    "**kw",
    "/",
    "é",
    "\u{1F600}",
    "\r",
];

fn nested(kind: usize, depth: usize) -> (String, Vec<u8>) {
    let rep = |s: &str, n: usize| s.repeat(n);
    let (label, text) = match kind {
        0 => (
            "parens",
            format!("x = {}1{}\nprint(x)\n", rep("(", depth), rep(")", depth)),
        ),
        1 => (
            "lists",
            format!(
                "x = {}{}\nprint(len(x))\n",
                rep("[", depth),
                rep("]", depth)
            ),
        ),
        2 => (
            "dicts",
            format!("x = {}1{}\n", rep("{1: ", depth), rep("}", depth)),
        ),
        3 => (
            "calls",
            format!("x = {}0{}\n", rep("abs(", depth), rep(")", depth)),
        ),
        4 => ("unary_minus", format!("print({}1)\n", rep("-", depth))),
        5 => ("not", format!("print({}True)\n", rep("not ", depth))),
        6 => ("lambdas", format!("f = {}0\n", rep("lambda: ", depth))),
        7 => ("binop_chain", format!("print({}1)\n", rep("1 + ", depth))),
        8 => ("unclosed", rep("(", depth)),
        9 => ("unopened", format!("x = 1{}\n", rep(")", depth))),
        10 => ("attr_chain", format!("x = 1{}\n", rep(".real", depth))),
        11 => (
            "subscripts",
            format!("x = [0]\ny = x{}\n", rep("[0]", depth)),
        ),
        12 => (
            "indent",
            (0..depth.min(20000))
                .map(|i| format!("{}if True:\n", " ".repeat(i)))
                .collect::<String>()
                + &" ".repeat(depth.min(20000))
                + "pass\n",
        ),
        13 => (
            "power_tower",
            format!("print({}2)\n", rep("2 ** ", depth.min(4))),
        ),
        14 => (
            "tuple_nest",
            format!("x = {}{}\nprint(x)\n", rep("(1, ", depth), rep(")", depth)),
        ),
        15 => ("ternary", format!("x = {}0\n", rep("1 if 1 else ", depth))),
        16 => (
            "eval_nested",
            format!("print(eval('{}1{}'))\n", rep("(", depth), rep(")", depth)),
        ),
        17 => (
            "built_nest_repr",
            format!("x = []\nfor i in range({depth}):\n    x = [x]\nprint(repr(x)[:20])\n"),
        ),
        18 => ("comparisons", format!("print(1{})\n", rep(" < 2", depth))),
        19 => (
            "fstring_nest",
            format!("print(f'{}1{}')\n", rep("{", depth), rep("}", depth)),
        ),
        _ => ("starred", format!("print({}[1])\n", rep("*", depth))),
    };
    (format!("nested_{label}_{depth}"), text.into_bytes())
}

fn generate(seed: u64, random_count: usize) -> Vec<Input> {
    let mut rng = Lcg(seed);
    let mut inputs = Vec::new();
    for i in 0..random_count / 4 {
        let len = rng.below(300);
        let data = (0..len).map(|_| rng.byte()).collect();
        inputs.push(Input {
            label: format!("random_bytes_{i}"),
            data,
        });
    }
    for i in 0..random_count / 4 {
        let n = rng.below(80);
        let mut s = String::new();
        for _ in 0..n {
            s.push_str(TOKENS[rng.below(TOKENS.len())]);
        }
        inputs.push(Input {
            label: format!("token_soup_{i}"),
            data: s.into_bytes(),
        });
    }
    let corpus = corpus();
    if !corpus.is_empty() {
        for i in 0..random_count / 2 {
            let mut data = corpus[rng.below(corpus.len())].clone();
            let how = rng.below(4);
            let edits = 1 + rng.below(4);
            for _ in 0..edits {
                let len = data.len();
                match how {
                    0 => {
                        data.truncate(rng.below(len + 1));
                        break;
                    }
                    1 if len > 0 => {
                        let at = rng.below(len);
                        data[at] = rng.byte();
                    }
                    2 => {
                        let at = rng.below(len + 1);
                        let b = if rng.below(2) == 0 {
                            rng.byte()
                        } else {
                            PUNCT[rng.below(PUNCT.len())]
                        };
                        data.insert(at, b);
                    }
                    _ if len > 0 => {
                        let at = rng.below(len);
                        let n = (1 + rng.below(8)).min(len - at);
                        data.drain(at..at + n);
                    }
                    _ => {}
                }
            }
            inputs.push(Input {
                label: format!("mutated_{i}"),
                data,
            });
        }
    }
    for kind in 0..21 {
        for depth in [100usize, 1000, 10_000, 100_000] {
            let (label, data) = nested(kind, depth);
            inputs.push(Input { label, data });
        }
    }
    let huge: Vec<(&str, String)> = vec![
        (
            "int_1e6_digits",
            format!("x = 1{}\nprint(x % 7)\n", "0".repeat(1_000_000)),
        ),
        (
            "int_5000_digits",
            format!("x = 1{}\nprint(x % 7)\n", "0".repeat(5000)),
        ),
        ("int_from_str", "x = int('1' * 100000)\n".into()),
        ("int_pow_str", "print(len(str(10 ** 5000)))\n".into()),
        (
            "string_1e6",
            format!("s = '{}'\nprint(len(s))\n", "a".repeat(1_000_000)),
        ),
        (
            "bytes_1e6",
            format!("s = b'{}'\nprint(len(s))\n", "a".repeat(1_000_000)),
        ),
        ("float_long", format!("print(1.{}5)\n", "0".repeat(100_000))),
        ("float_exp", "print(1e999999999, 1e-999999999)\n".into()),
        ("line_1e6", format!("x = 1{}\n", " + 1".repeat(200_000))),
        ("many_lines", "x = 1\n".repeat(200_000)),
        ("name_long", format!("{} = 1\n", "n".repeat(1_000_000))),
        (
            "comment_long",
            format!("#{}\nprint(1)\n", "c".repeat(1_000_000)),
        ),
        (
            "str_repeat_big",
            "s = 'ab' * (10 ** 7)\nprint(len(s))\n".into(),
        ),
        ("list_repeat_neg", "print([1] * -5)\n".into()),
        ("big_shift", "print((1 << 100000).bit_length())\n".into()),
        ("huge_alloc", "x = [0] * (2 ** 62)\n".into()),
        ("huge_str_alloc", "x = 'a' * (2 ** 62)\n".into()),
        ("range_huge", "r = range(2 ** 100)\nprint(len(r))\n".into()),
    ];
    for (label, text) in huge {
        inputs.push(Input {
            label: label.into(),
            data: text.into_bytes(),
        });
    }
    let recursion: Vec<(&str, &str)> = vec![
        ("rec_plain", "def f(n):\n    return f(n + 1)\nf(0)\n"),
        ("rec_caught", "def f(n):\n    return f(n + 1)\ntry:\n    f(0)\nexcept RecursionError as e:\n    print(e)\n"),
        ("rec_high_limit", "import sys\nsys.setrecursionlimit(10 ** 6)\ndef f(n):\n    return f(n + 1)\ntry:\n    f(0)\nexcept RecursionError:\n    print('deep')\n"),
        ("rec_repr", "class C:\n    def __repr__(self):\n        return repr(self)\nrepr(C())\n"),
        ("rec_getattr", "class C:\n    def __getattr__(self, n):\n        return self.x\nC().y\n"),
        ("rec_init", "class C:\n    def __init__(self):\n        C()\nC()\n"),
        ("rec_str_list", "x = []\nfor i in range(100000):\n    x = [x]\nstr(x)\n"),
        ("rec_eq_list", "a = []\nb = []\nfor i in range(100000):\n    a = [a]\n    b = [b]\nprint(a == b)\n"),
        ("rec_self_list", "x = []\nx.append(x)\nprint(x)\nprint(x == x)\n"),
        ("rec_gen", "def g():\n    yield from g()\nlist(g())\n"),
        ("rec_exc_handler", "def f():\n    try:\n        f()\n    except RecursionError:\n        raise ValueError('converted')\nf()\n"),
        ("rec_mutual", "def a(n):\n    return b(n)\ndef b(n):\n    return a(n)\na(1)\n"),
        ("rec_lambda", "f = lambda: f()\nf()\n"),
        ("rec_dict_nest", "d = {}\nfor i in range(100000):\n    d = {1: d}\nrepr(d)\n"),
        ("rec_hash_tuple", "t = ()\nfor i in range(100000):\n    t = (t,)\nhash(t)\n"),
        ("rec_compile_deep", "src = '(' * 100000 + ')' * 100000\ntry:\n    compile(src, 's', 'eval')\nexcept (SyntaxError, RecursionError, MemoryError) as e:\n    print(type(e).__name__)\n"),
        ("rec_exec_nested", "s = 'pass'\nfor i in range(12):\n    s = 'exec(' + repr(s) + ')'\nexec(s)\n"),
        ("rec_class_mro", "class A: pass\nclass B(A, A): pass\n"),
        ("rec_deep_setlimit_low", "import sys\nsys.setrecursionlimit(1)\nprint(1)\n"),
    ];
    for (label, text) in recursion {
        inputs.push(Input {
            label: label.into(),
            data: text.as_bytes().to_vec(),
        });
    }
    inputs
}

fn looks_like_exception_line(line: &str) -> bool {
    let head = line.split(": ").next().unwrap_or("");
    let mut chars = head.chars();
    match chars.next() {
        Some(c) if c.is_alphabetic() || c == '_' => {}
        _ => return false,
    }
    chars.all(|c| c.is_alphanumeric() || c == '_' || c == '.')
}

/// Address-space cap per run in KiB (`RYTHON_ROBUST_MEM_KB`, default 4 GiB).
fn mem_limit_kb() -> u64 {
    std::env::var("RYTHON_ROBUST_MEM_KB")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(4 * 1024 * 1024)
}

fn verdict(input: &Input, dir: &Path, idx: usize) -> Result<(), String> {
    let file = dir.join(format!("input_{idx}.py"));
    fs::write(&file, &input.data).map_err(|e| format!("cannot write input: {e}"))?;
    // The interpreter runs under a shell that caps its address space, so a
    // runaway allocation becomes a MemoryError (or a failure) instead of
    // exhausting the shared machine; `exec` keeps signals and exit codes.
    let mut cmd = base_command(Path::new("/bin/sh"), dir);
    cmd.arg("-c")
        .arg(format!(
            "ulimit -v {} 2>/dev/null; exec \"$0\" \"$@\"",
            mem_limit_kb()
        ))
        .arg(rython_exe())
        .arg(file.file_name().unwrap());
    let res = run_with_limit(cmd, None, CAP);
    let _ = fs::remove_file(&file);
    let stderr = String::from_utf8_lossy(&res.stderr);
    let mut problems = Vec::new();
    if res.timed_out {
        problems.push(format!("did not finish within {} s", CAP.as_secs()));
    } else if let Some(sig) = res.signal() {
        problems.push(format!("killed by signal {sig}"));
    } else if !matches!(res.code(), 0..=2) {
        problems.push(format!("exit status {} (want 0, 1 or 2)", res.code()));
    }
    // CPython itself says "Parser stack overflowed", so only Rust's own
    // stack-overflow report counts.
    for bad in [
        "panicked",
        "RUST_BACKTRACE",
        "has overflowed its stack",
        "fatal runtime error",
    ] {
        if stderr.contains(bad) {
            problems.push(format!("stderr contains {bad:?}"));
        }
    }
    if !res.timed_out && res.code() == 1 {
        let last = stderr.lines().rev().find(|l| !l.trim().is_empty());
        // An uncaught exception group ends with its closing border instead.
        let group_end = |l: &str| {
            let t = l.trim();
            t.len() > 2 && t.starts_with("+-") && t.chars().skip(1).all(|c| c == '-')
        };
        let ok = last.is_some_and(|l| {
            looks_like_exception_line(l)
                || (group_end(l) && stderr.contains("Exception Group Traceback"))
        });
        if !ok {
            problems.push(format!(
                "exit 1 but last stderr line is not an exception line: {:?}",
                last.unwrap_or("")
            ));
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        let tail: String = stderr
            .chars()
            .rev()
            .take(600)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        Err(format!(
            "{}\n--- stderr tail ---\n{tail}",
            problems.join("; ")
        ))
    }
}

fn main() {
    let mut args = Arguments::from_args();
    let seed = std::env::var("RYTHON_ROBUST_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(DEFAULT_SEED);
    let count = std::env::var("RYTHON_ROBUST_COUNT")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(1900usize);
    let inputs = generate(seed, count);
    if let Ok(dump) = std::env::var("RYTHON_ROBUST_DUMP") {
        let dump = PathBuf::from(dump);
        let _ = fs::create_dir_all(&dump);
        for (i, input) in inputs.iter().enumerate() {
            let _ = fs::write(dump.join(format!("{i:05}_{}.py", input.label)), &input.data);
        }
        println!("wrote {} inputs to {}", inputs.len(), dump.display());
        return;
    }
    let tmp = PathBuf::from(env!("CARGO_TARGET_TMPDIR"));
    let work = tmp.join(format!("robustness-{}", std::process::id()));
    let failures_dir = tmp.join("robustness-failures");
    let _ = fs::create_dir_all(&work);
    if args.test_threads.is_none() {
        args.test_threads = Some(4);
    }
    println!("robustness: seed {seed:#x}, {} inputs", inputs.len());

    // The inputs are batched into a few dozen trials so the report stays
    // readable while libtest-mimic still spreads them over threads.
    let inputs = Arc::new(inputs);
    let batch = 50;
    let failures = Arc::new(Mutex::new(0usize));
    let next_id = Arc::new(AtomicUsize::new(0));
    let mut trials = Vec::new();
    for start in (0..inputs.len()).step_by(batch) {
        let end = (start + batch).min(inputs.len());
        let inputs = Arc::clone(&inputs);
        let work = work.clone();
        let failures_dir = failures_dir.clone();
        let failures = Arc::clone(&failures);
        let next_id = Arc::clone(&next_id);
        let name = format!("robustness_{start:05}_{end:05}");
        trials.push(Trial::test(name, move || {
            let mut report = Vec::new();
            for idx in start..end {
                // A badly broken binary would otherwise cost 5 s per input;
                // a few failures per batch are enough to act on.
                if report.len() >= MAX_FAILURES_PER_BATCH {
                    report.push(format!(
                        "(stopped this batch after {MAX_FAILURES_PER_BATCH} failures)"
                    ));
                    break;
                }
                let input = &inputs[idx];
                let id = next_id.fetch_add(1, Ordering::Relaxed);
                if let Err(problem) = verdict(input, &work, id) {
                    let _ = fs::create_dir_all(&failures_dir);
                    let saved = failures_dir.join(format!("{idx:05}_{}.py", input.label));
                    let _ = fs::write(&saved, &input.data);
                    *failures.lock().unwrap() += 1;
                    report.push(format!(
                        "input #{idx} ({}) seed {seed:#x}, saved as {}: {problem}",
                        input.label,
                        saved.display()
                    ));
                }
            }
            if report.is_empty() {
                Ok(())
            } else {
                Err(Failed::from(report.join("\n\n")))
            }
        }));
    }
    let conclusion = libtest_mimic::run(&args, trials);
    let _ = fs::remove_dir_all(&work);
    conclusion.exit();
}
