//! Process plumbing shared by the differential and robustness suites: run the
//! `rython` binary the same way `tests/gen_expected.py` runs CPython, with a
//! hard time limit so a hung interpreter fails one test instead of the run.

#![allow(dead_code)]

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::thread;
use std::time::{Duration, Instant};

/// The root of the shared `tests/` folder (programs, expected outputs, lists).
pub fn tests_root() -> PathBuf {
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    let root = here.join("..").join("..").join("tests");
    root.canonicalize().unwrap_or(root)
}

/// The interpreter under test: the crate's binary, or `RYTHON_BIN` when set
/// (pointing it at CPython 3.13 checks the suite itself: everything passes).
pub fn rython_exe() -> PathBuf {
    match std::env::var_os("RYTHON_BIN") {
        Some(p) if !p.is_empty() => PathBuf::from(p),
        _ => PathBuf::from(env!("CARGO_BIN_EXE_rython")),
    }
}

pub struct RunResult {
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
    pub status: Option<ExitStatus>,
    pub timed_out: bool,
    pub elapsed: Duration,
}

impl RunResult {
    /// Exit code as CPython's generator records it: negative for a signal.
    pub fn code(&self) -> i32 {
        match self.status {
            Some(st) => match st.code() {
                Some(c) => c,
                None => -signal_of(&st),
            },
            None => -9,
        }
    }

    pub fn signal(&self) -> Option<i32> {
        self.status.and_then(|st| {
            if st.code().is_none() {
                Some(signal_of(&st))
            } else {
                None
            }
        })
    }
}

#[cfg(unix)]
fn signal_of(st: &ExitStatus) -> i32 {
    use std::os::unix::process::ExitStatusExt;
    st.signal().unwrap_or(0)
}

#[cfg(not(unix))]
fn signal_of(_st: &ExitStatus) -> i32 {
    0
}

/// The environment both interpreters get. Everything else is cleared so a
/// developer's PYTHONPATH or locale cannot change the outcome.
pub fn base_command(exe: &Path, cwd: &Path) -> Command {
    let mut cmd = Command::new(exe);
    cmd.current_dir(cwd)
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env(
            "HOME",
            std::env::var_os("HOME").unwrap_or_else(|| "/".into()),
        )
        .env("LC_ALL", "C.UTF-8")
        .env("PYTHONHASHSEED", "0")
        .env("PYTHONDONTWRITEBYTECODE", "1");
    cmd
}

/// Spawns `cmd`, feeds `stdin`, and collects output; kills the child when it
/// outlives `limit`.
pub fn run_with_limit(mut cmd: Command, stdin: Option<&[u8]>, limit: Duration) -> RunResult {
    cmd.stdin(if stdin.is_some() {
        Stdio::piped()
    } else {
        Stdio::null()
    })
    .stdout(Stdio::piped())
    .stderr(Stdio::piped());
    let start = Instant::now();
    let mut child: Child = match cmd.spawn() {
        Ok(c) => c,
        Err(e) => {
            return RunResult {
                stdout: Vec::new(),
                stderr: format!("harness: cannot spawn interpreter: {e}\n").into_bytes(),
                status: None,
                timed_out: false,
                elapsed: start.elapsed(),
            }
        }
    };
    // Writing stdin and draining both pipes on their own threads keeps a
    // child that fills one pipe from deadlocking against us.
    let feeder = match (stdin, child.stdin.take()) {
        (Some(data), Some(mut pipe)) => {
            let data = data.to_vec();
            Some(thread::spawn(move || {
                let _ = pipe.write_all(&data);
            }))
        }
        _ => None,
    };
    let out_reader = drain(child.stdout.take());
    let err_reader = drain(child.stderr.take());
    let mut timed_out = false;
    let status = loop {
        match child.try_wait() {
            Ok(Some(st)) => break Some(st),
            Ok(None) => {
                if start.elapsed() >= limit {
                    timed_out = true;
                    let _ = child.kill();
                    break child.wait().ok();
                }
                thread::sleep(Duration::from_millis(5));
            }
            Err(_) => break None,
        }
    };
    let elapsed = start.elapsed();
    if let Some(f) = feeder {
        let _ = f.join();
    }
    RunResult {
        stdout: out_reader.join().unwrap_or_default(),
        stderr: err_reader.join().unwrap_or_default(),
        status,
        timed_out,
        elapsed,
    }
}

fn drain<R: Read + Send + 'static>(pipe: Option<R>) -> thread::JoinHandle<Vec<u8>> {
    thread::spawn(move || {
        let mut buf = Vec::new();
        if let Some(mut p) = pipe {
            let _ = p.read_to_end(&mut buf);
        }
        buf
    })
}
