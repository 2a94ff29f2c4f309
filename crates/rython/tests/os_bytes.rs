//! Bytes from the OS that are not UTF-8 (arguments, file names) reach
//! Python as lone surrogates, as CPython's `surrogateescape` decoding
//! gives them, and go back to the OS as the same bytes. The differential
//! suite cannot pass such arguments (its `.args` files are text), so these
//! run the binary directly. Expected outputs are what CPython 3.13 prints.

mod common;

use std::ffi::OsStr;
use std::os::unix::ffi::OsStrExt;
use std::time::Duration;

fn run(dir: &std::path::Path, args: &[&OsStr]) -> common::RunResult {
    let mut cmd = common::base_command(&common::rython_exe(), dir);
    cmd.args(args);
    common::run_with_limit(cmd, None, Duration::from_secs(60))
}

#[test]
fn undecodable_argument_is_surrogate_escaped() {
    let dir = std::env::temp_dir();
    let r = run(
        &dir,
        &[
            OsStr::new("-c"),
            OsStr::new("import sys, os; print(ascii(sys.argv), os.fsencode(sys.argv[1]))"),
            OsStr::from_bytes(b"a\xffb"),
        ],
    );
    assert_eq!(
        String::from_utf8_lossy(&r.stdout),
        "['-c', 'a\\udcffb'] b'a\\xffb'\n",
        "stderr: {}",
        String::from_utf8_lossy(&r.stderr)
    );
}

#[test]
fn undecodable_file_name_round_trips() {
    let dir = std::env::temp_dir().join(format!("rython-os-bytes-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join(OsStr::from_bytes(b"n\xe9.txt")), b"data").unwrap();
    let code = "import os\n\
                for n in os.listdir('.'):\n    \
                    print(ascii(n), open(n).read(), os.path.exists(n))\n    \
                    os.rename(n, n + '\\udcff')\n\
                print(os.listdir(b'.'))\n";
    let r = run(&dir, &[OsStr::new("-c"), OsStr::new(code)]);
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(
        String::from_utf8_lossy(&r.stdout),
        "'n\\udce9.txt' data True\n[b'n\\xe9.txt\\xff']\n",
        "stderr: {}",
        String::from_utf8_lossy(&r.stderr)
    );
}
