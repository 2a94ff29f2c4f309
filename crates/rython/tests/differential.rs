//! Differential suite: every `tests/programs/<group>/<name>.py` is run with
//! the `rython` binary and its stdout, stderr and exit status are compared
//! byte for byte (after path normalisation) with what CPython 3.13 produced,
//! as recorded by `tests/gen_expected.py` under `tests/expected/`.
//!
//! Conventions (see tests/README.md):
//! - only top-level `*.py` files of a group whose name does not start with `_`
//!   are tests; groups (folders) starting with `_` are skipped, and any other
//!   sub-folder holds helper modules/packages;
//! - `<name>.args` holds one argument per line (`{script}` = `<name>.py`),
//!   otherwise the program is run as `rython <name>.py` from its group folder;
//! - `<name>.stdin` is fed to stdin, otherwise stdin is /dev/null;
//! - `<name>.env` adds `NAME=value` lines to the cleared environment;
//! - `tests/known_failures.txt` lists `group/name reason`: such a test is
//!   still run, reported ignored while it fails, and fails once it passes.

mod common;

use common::{base_command, run_with_limit, rython_exe, tests_root};
use libtest_mimic::{Arguments, Completion, Failed, Trial};
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Duration;

const TIME_LIMIT: Duration = Duration::from_secs(10);

/// Placeholders shared with tests/gen_expected.py.
const PROGRAMS_PLACEHOLDER: &str = "<PROGRAMS>";
const PYTHON_PLACEHOLDER: &str = "<PYTHON>";

struct Program {
    name: String,
    dir: PathBuf,
    file: String,
}

fn discover(programs: &Path) -> Vec<Program> {
    let mut found = Vec::new();
    let Ok(groups) = fs::read_dir(programs) else {
        return found;
    };
    let mut groups: Vec<PathBuf> = groups
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
        .collect();
    groups.sort();
    for group in groups {
        let gname = group.file_name().unwrap().to_string_lossy().into_owned();
        if gname.starts_with('_') || gname.starts_with('.') {
            continue;
        }
        let Ok(entries) = fs::read_dir(&group) else {
            continue;
        };
        let mut files: Vec<String> = entries
            .filter_map(|e| e.ok())
            .filter(|e| e.path().is_file())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|f| f.ends_with(".py") && !f.starts_with('_'))
            .collect();
        files.sort();
        for file in files {
            let stem = file.trim_end_matches(".py").to_string();
            found.push(Program {
                name: format!("{gname}/{stem}"),
                dir: group.clone(),
                file,
            });
        }
    }
    found
}

fn load_known_failures(path: &Path) -> BTreeMap<String, String> {
    let mut map = BTreeMap::new();
    let Ok(text) = fs::read_to_string(path) else {
        return map;
    };
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (name, reason) = match line.split_once(char::is_whitespace) {
            Some((n, r)) => (n, r.trim()),
            None => (line, ""),
        };
        map.insert(name.to_string(), reason.to_string());
    }
    map
}

fn normalise(bytes: &[u8], programs: &Path, exe: &Path) -> String {
    let text = String::from_utf8_lossy(bytes).into_owned();
    let text = text.replace(&*programs.to_string_lossy(), PROGRAMS_PLACEHOLDER);
    text.replace(&*exe.to_string_lossy(), PYTHON_PLACEHOLDER)
}

fn read_expected(base: &Path, ext: &str) -> Result<String, Failed> {
    let path = base.with_extension(ext);
    fs::read(&path)
        .map(|b| String::from_utf8_lossy(&b).into_owned())
        .map_err(|e| {
            Failed::from(format!(
                "missing expectation {} ({e}); run tests/gen_expected.py",
                path.display()
            ))
        })
}

fn script_args(prog: &Program) -> Vec<String> {
    let args_file = prog
        .dir
        .join(format!("{}.args", prog.file.trim_end_matches(".py")));
    match fs::read_to_string(&args_file) {
        Ok(text) => text
            .lines()
            .map(|l| unescape(l).replace("{script}", &prog.file))
            .collect(),
        Err(_) => vec![prog.file.clone()],
    }
}

/// `\n`, `\t` and `\\` in an `.args` line stand for a newline, a tab and
/// a backslash, so a multi-line `-c` program fits on one line.
fn unescape(line: &str) -> String {
    let mut out = String::new();
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.peek() {
                Some('n') => {
                    out.push('\n');
                    chars.next();
                    continue;
                }
                Some('t') => {
                    out.push('\t');
                    chars.next();
                    continue;
                }
                Some('\\') => {
                    out.push('\\');
                    chars.next();
                    continue;
                }
                _ => {}
            }
        }
        out.push(c);
    }
    out
}

/// Why a program failed: a one-line summary (recorded in known_failures.txt)
/// and the full report with diffs.
struct Mismatch {
    summary: String,
    details: String,
}

/// Runs one program and returns a description of every mismatch.
fn check(prog: &Program, root: &Path) -> Result<(), Mismatch> {
    let programs = root.join("programs");
    let exe = rython_exe();
    let stem = prog.file.trim_end_matches(".py");
    let mut cmd = base_command(&exe, &prog.dir);
    cmd.args(script_args(prog));
    if let Ok(env) = fs::read_to_string(prog.dir.join(format!("{stem}.env"))) {
        for line in env.lines() {
            if let Some((k, v)) = line.split_once('=') {
                cmd.env(k, unescape(v));
            }
        }
    }
    let stdin = fs::read(prog.dir.join(format!("{stem}.stdin"))).ok();
    let res = run_with_limit(cmd, stdin.as_deref(), TIME_LIMIT);

    let expected_base = root.join("expected").join(&prog.name);
    let missing = |f: Failed| Mismatch {
        summary: "no expected output".into(),
        details: msg(f),
    };
    let want_out = read_expected(&expected_base, "out").map_err(missing)?;
    let want_err = read_expected(&expected_base, "err").map_err(missing)?;
    let want_code = read_expected(&expected_base, "code").map_err(missing)?;

    let mut problems = Vec::new();
    let mut summary = Vec::new();
    if res.timed_out {
        summary.push("timeout".to_string());
        problems.push(format!(
            "timed out after {} s (killed)",
            TIME_LIMIT.as_secs()
        ));
    }
    let got_code = res.code();
    if want_code.trim() != got_code.to_string() {
        summary.push(format!("exit {} (want {})", got_code, want_code.trim()));
        let how = match res.signal() {
            Some(sig) => format!(" (killed by signal {sig})"),
            None => String::new(),
        };
        problems.push(format!(
            "exit status: expected {}, got {}{how}",
            want_code.trim(),
            got_code
        ));
    }
    let got_out = normalise(&res.stdout, &programs, &exe);
    if got_out != want_out {
        summary.push("stdout".into());
        problems.push(format!("stdout differs:\n{}", diff(&want_out, &got_out)));
    }
    let got_err = normalise(&res.stderr, &programs, &exe);
    if got_err != want_err {
        summary.push("stderr".into());
        problems.push(format!("stderr differs:\n{}", diff(&want_err, &got_err)));
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(Mismatch {
            summary: format!("differs: {}", summary.join(", ")),
            details: problems.join("\n"),
        })
    }
}

fn msg(f: Failed) -> String {
    f.message().unwrap_or("").to_string()
}

/// A line diff (`-` expected, `+` actual) with a little context; falls back to
/// the first mismatch when the outputs are too large for a quadratic LCS.
fn diff(want: &str, got: &str) -> String {
    let a: Vec<&str> = want.split_inclusive('\n').collect();
    let b: Vec<&str> = got.split_inclusive('\n').collect();
    let show = |s: &str| format!("{:?}", s.strip_suffix('\n').unwrap_or(s));
    if a.len().saturating_mul(b.len()) > 4_000_000 {
        let i = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
        return format!(
            "  first difference at line {}:\n  - {}\n  + {}\n",
            i + 1,
            a.get(i).map(|s| show(s)).unwrap_or_else(|| "<end>".into()),
            b.get(i).map(|s| show(s)).unwrap_or_else(|| "<end>".into())
        );
    }
    let (n, m) = (a.len(), b.len());
    let mut lcs = vec![vec![0u32; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lcs[i][j] = if a[i] == b[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let mut ops: Vec<(char, &str)> = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < n || j < m {
        if i < n && j < m && a[i] == b[j] {
            ops.push((' ', a[i]));
            i += 1;
            j += 1;
        } else if j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j]) {
            ops.push(('+', b[j]));
            j += 1;
        } else {
            ops.push(('-', a[i]));
            i += 1;
        }
    }
    // Keep two lines of context around each change and cap the total so a
    // wildly wrong output does not drown the report.
    let changed: Vec<bool> = ops.iter().map(|(k, _)| *k != ' ').collect();
    let mut out = String::new();
    let mut lines = 0;
    let mut skipped = false;
    for (idx, (kind, line)) in ops.iter().enumerate() {
        let lo = idx.saturating_sub(2);
        let hi = (idx + 3).min(ops.len());
        if !changed[lo..hi].iter().any(|c| *c) {
            skipped = true;
            continue;
        }
        if skipped {
            out.push_str("  ...\n");
            skipped = false;
        }
        lines += 1;
        if lines > 80 {
            out.push_str("  ... (diff truncated)\n");
            break;
        }
        out.push_str(&format!("  {kind} {}\n", show(line)));
    }
    out
}

fn main() {
    let mut args = Arguments::from_args();
    let root = tests_root();
    let programs = discover(&root.join("programs"));
    let known = load_known_failures(&root.join("known_failures.txt"));
    let filter = std::env::var("RYTHON_DIFF_FILTER").ok();
    let strict = std::env::var_os("RYTHON_DIFF_STRICT").is_some();
    if args.test_threads.is_none() {
        // Most of a test's time is process start-up and pipe waits, so a few
        // more threads than cores keeps both cores busy.
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        args.test_threads = Some(cores * 2);
    }

    let failures: Arc<Mutex<Vec<(String, String)>>> = Arc::new(Mutex::new(Vec::new()));
    let mut trials = Vec::new();
    let names: Vec<String> = programs.iter().map(|p| p.name.clone()).collect();
    let stale: Vec<String> = known
        .keys()
        .filter(|k| !names.contains(k))
        .cloned()
        .collect();
    if filter.is_none() {
        trials.push(Trial::test("known_failures_list_is_current", move || {
            if stale.is_empty() {
                Ok(())
            } else {
                Err(format!(
                    "tests/known_failures.txt names programs that do not exist: {}",
                    stale.join(", ")
                )
                .into())
            }
        }));
    }
    for prog in programs {
        if let Some(f) = &filter {
            if !prog.name.contains(f.as_str()) {
                continue;
            }
        }
        // RYTHON_DIFF_STRICT=1 shows the diffs of known failures too.
        let known_reason = if strict {
            None
        } else {
            known.get(&prog.name).cloned()
        };
        let root = root.clone();
        let name = prog.name.clone();
        let failures = Arc::clone(&failures);
        trials.push(Trial::ignorable_test(name, move || {
            let outcome = check(&prog, &root);
            if let Err(m) = &outcome {
                failures
                    .lock()
                    .unwrap()
                    .push((prog.name.clone(), m.summary.clone()));
            }
            match (outcome, known_reason) {
                (Ok(()), None) => Ok(Completion::Completed),
                (Err(m), None) => Err(m.details.into()),
                (Err(_), Some(reason)) => Ok(Completion::ignored_with(format!(
                    "known failure: {}",
                    if reason.is_empty() { "-" } else { &reason }
                ))),
                (Ok(()), Some(_)) => Err(format!(
                    "{} now passes: remove it from tests/known_failures.txt",
                    prog.name
                )
                .into()),
            }
        }));
    }
    let conclusion = libtest_mimic::run(&args, trials);
    // RYTHON_DIFF_WRITE_KNOWN=1 rewrites the to-do list from this run; only
    // a full run may do it, or the filtered-out entries would be lost.
    if std::env::var_os("RYTHON_DIFF_WRITE_KNOWN").is_some() && filter.is_none() {
        let mut failed = failures.lock().unwrap().clone();
        failed.sort();
        let mut text = String::from(KNOWN_HEADER);
        for (name, summary) in failed {
            let reason = known
                .get(&name)
                .filter(|r| !r.is_empty() && !r.starts_with("differs:"))
                .cloned()
                .unwrap_or(summary);
            text.push_str(&format!("{name}  {reason}\n"));
        }
        let path = root.join("known_failures.txt");
        match fs::write(&path, text) {
            Ok(()) => println!("wrote {}", path.display()),
            Err(e) => println!("cannot write {}: {e}", path.display()),
        }
        return;
    }
    conclusion.exit();
}

const KNOWN_HEADER: &str = "\
# Programs of tests/programs that rython does not yet run like CPython 3.13.
# One `group/name  reason` per line. They still run: a failure is reported as
# ignored, a pass fails the suite until its line is removed, so this list only
# shrinks. Regenerate with RYTHON_DIFF_WRITE_KNOWN=1 (see tests/README.md);
# hand-written reasons (not starting with `differs:`) are kept.
";
