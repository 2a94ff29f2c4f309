//! Standard descriptors closed when the process starts (`python <&-`):
//! CPython then sets `sys.stdin` (or stdout, stderr) to None. Rust's
//! runtime reopens closed descriptors 0-2 on /dev/null before `main`, so
//! they are probed earlier, from an `.init_array` constructor (it runs
//! when the C library starts the program, before Rust's `lang_start`).
//! The probe reads /proc and allocates nothing.

use std::sync::atomic::{AtomicBool, Ordering};

static CLOSED: [AtomicBool; 3] = [const { AtomicBool::new(false) }; 3];

extern "C" fn probe_std_fds() {
    const PATHS: [&str; 3] = ["/proc/self/fd/0", "/proc/self/fd/1", "/proc/self/fd/2"];
    // Without /proc nothing can be told: every descriptor counts as open.
    if std::fs::symlink_metadata("/proc/self/fd").is_err() {
        return;
    }
    for (fd, path) in PATHS.iter().enumerate() {
        if std::fs::symlink_metadata(path).is_err() {
            CLOSED[fd].store(true, Ordering::Relaxed);
        }
    }
}

#[used]
#[link_section = ".init_array"]
static PROBE_STD_FDS: extern "C" fn() = probe_std_fds;

/// Which of stdin, stdout and stderr were closed at start-up.
pub fn closed_at_start() -> [bool; 3] {
    [0, 1, 2].map(|fd| CLOSED[fd].load(Ordering::Relaxed))
}
