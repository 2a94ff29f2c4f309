//! Real signals sent to a running interpreter: SIGINT raises
//! KeyboardInterrupt in the main thread (traceback, exit by SIGINT when
//! uncaught, catchable, `finally` blocks run), blocking calls (`time.sleep`,
//! `input()`, `sys.stdin.read()`) are interrupted, and Python handlers
//! installed with `signal.signal` run. The differential suite cannot send
//! a signal from outside, hence these tests.

mod common;

use std::io::{BufRead, BufReader, Read};
use std::path::PathBuf;
use std::process::{Child, ChildStdin, Stdio};
use std::time::{Duration, Instant};

use common::{base_command, rython_exe};
use nix::sys::signal::{kill, Signal};
use nix::unistd::Pid;

struct Outcome {
    stdout: String,
    stderr: String,
    code: Option<i32>,
    signal: Option<i32>,
}

fn script(name: &str, source: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("signal-tests");
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join(name);
    std::fs::write(&path, source).expect("write script");
    path
}

/// Starts `source`, waits for its first line ("start"), sends `sig` (twice
/// when `repeat`), and collects the outcome. stdin stays open (a pipe
/// nobody writes to) until the process ends, so a read blocks.
fn run_and_signal(name: &str, source: &str, sig: Signal) -> Outcome {
    let path = script(name, source);
    let dir = path.parent().expect("dir").to_path_buf();
    let mut cmd = base_command(&rython_exe(), &dir);
    cmd.arg(&path)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child: Child = cmd.spawn().expect("spawn rython");
    let stdin: Option<ChildStdin> = child.stdin.take();
    let mut out = BufReader::new(child.stdout.take().expect("stdout"));
    let mut first = String::new();
    out.read_line(&mut first).expect("first line");
    assert_eq!(first, "start\n", "the script did not start");
    // Let it reach the blocking call.
    std::thread::sleep(Duration::from_millis(300));
    kill(Pid::from_raw(child.id() as i32), sig).expect("kill");
    let mut err_pipe = child.stderr.take().expect("stderr");
    let err_reader = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = err_pipe.read_to_string(&mut s);
        s
    });
    let mut rest = String::new();
    let out_reader = std::thread::spawn(move || {
        let _ = out.read_to_string(&mut rest);
        rest
    });
    let start = Instant::now();
    let status = loop {
        if let Some(st) = child.try_wait().expect("wait") {
            break st;
        }
        if start.elapsed() > Duration::from_secs(20) {
            let _ = child.kill();
            panic!("{name}: the interpreter did not react to the signal");
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    drop(stdin);
    use std::os::unix::process::ExitStatusExt;
    Outcome {
        stdout: first + &out_reader.join().expect("stdout reader"),
        stderr: err_reader.join().expect("stderr reader"),
        code: status.code(),
        signal: status.signal(),
    }
}

#[test]
fn sigint_during_sleep_is_an_uncaught_keyboard_interrupt() {
    let o = run_and_signal(
        "sleep_uncaught.py",
        "import time\nprint('start', flush=True)\ntry:\n    time.sleep(30)\nfinally:\n    print('finally ran', flush=True)\n",
        Signal::SIGINT,
    );
    assert_eq!(o.stdout, "start\nfinally ran\n");
    assert!(
        o.stderr.starts_with("Traceback (most recent call last):\n"),
        "{}",
        o.stderr
    );
    assert!(
        o.stderr.ends_with(
            ", line 4, in <module>\n    time.sleep(30)\n    ~~~~~~~~~~^^^^\nKeyboardInterrupt\n"
        ),
        "{}",
        o.stderr
    );
    // CPython ends itself with SIGINT: a shell shows 130.
    assert_eq!(o.code, None);
    assert_eq!(o.signal, Some(2));
}

#[test]
fn sigint_in_a_busy_loop_is_catchable() {
    let o = run_and_signal(
        "busy_loop.py",
        "print('start', flush=True)\nn = 0\ntry:\n    while True:\n        n += 1\nexcept KeyboardInterrupt as e:\n    print('caught', repr(e), n > 0)\n",
        Signal::SIGINT,
    );
    assert_eq!(o.stdout, "start\ncaught KeyboardInterrupt() True\n");
    assert_eq!(o.stderr, "");
    assert_eq!(o.code, Some(0));
}

#[test]
fn sigint_interrupts_input_and_stdin_read() {
    let o = run_and_signal(
        "input.py",
        "print('start', flush=True)\ntry:\n    input()\nexcept KeyboardInterrupt:\n    print('input interrupted', flush=True)\n",
        Signal::SIGINT,
    );
    assert_eq!(o.stdout, "start\ninput interrupted\n");
    assert_eq!(o.code, Some(0), "{}", o.stderr);

    let o = run_and_signal(
        "stdin_read.py",
        "import sys\nprint('start', flush=True)\ntry:\n    sys.stdin.read()\nexcept KeyboardInterrupt:\n    print('read interrupted')\n",
        Signal::SIGINT,
    );
    assert_eq!(o.stdout, "start\nread interrupted\n");
    assert_eq!(o.code, Some(0), "{}", o.stderr);
}

#[test]
fn python_handlers_run_and_sleep_resumes() {
    let o = run_and_signal(
        "handler.py",
        "import signal, sys, time\n\
         def on_int(signum, frame):\n    print('handler', signum, frame.f_code.co_name, flush=True)\n\
         signal.signal(signal.SIGINT, on_int)\n\
         def main():\n    print('start', flush=True)\n    t = time.monotonic()\n    time.sleep(0.8)\n    print('slept', time.monotonic() - t >= 0.75, flush=True)\n\
         main()\n",
        Signal::SIGINT,
    );
    assert_eq!(o.stdout, "start\nhandler 2 main\nslept True\n");
    assert_eq!(o.code, Some(0), "{}", o.stderr);

    let o = run_and_signal(
        "sigterm.py",
        "import signal, sys, time\n\
         def on_term(signum, frame):\n    print('terminating', signum, flush=True)\n    sys.exit(5)\n\
         signal.signal(signal.SIGTERM, on_term)\n\
         print('start', flush=True)\n\
         try:\n    time.sleep(30)\nfinally:\n    print('cleanup')\n",
        Signal::SIGTERM,
    );
    assert_eq!(o.stdout, "start\nterminating 15\ncleanup\n");
    assert_eq!(o.stderr, "");
    assert_eq!(o.code, Some(5));
}

#[test]
fn sigterm_without_handler_kills() {
    let o = run_and_signal(
        "sigterm_default.py",
        "import time\nprint('start', flush=True)\ntime.sleep(30)\n",
        Signal::SIGTERM,
    );
    assert_eq!(o.stdout, "start\n");
    assert_eq!(o.signal, Some(15));
}
