//! The OS side of signal handling (CPython's `PyOS_setsig`): the only
//! `unsafe` of the binary. The handler itself (`signalmodule::c_handler`)
//! only sets atomic flags; Python handlers run at the eval loop's next
//! checkpoint.
//!
//! Signals are delivered to the interpreter thread: the process's first
//! thread blocks them all before it starts the interpreter thread, which
//! restores the inherited mask. A signal therefore interrupts the
//! interpreter's own blocking calls (`EINTR`, as handlers are installed
//! without `SA_RESTART`).

use nix::libc;
use nix::sys::signal::{pthread_sigmask, SigSet, SigmaskHow, Signal};
use rython_vm::modules::signalmodule::{self, Disposition, OsHooks};

fn python_handler() -> libc::sighandler_t {
    signalmodule::c_handler as extern "C" fn(libc::c_int) as libc::sighandler_t
}

/// Sets (when `d` is `Some`) and returns the disposition of `signum`.
fn os_set(signum: i32, d: Option<Disposition>) -> Result<Disposition, i32> {
    // SAFETY: `sigaction` is a plain C struct; all-zero bytes are a valid
    // value (SIG_DFL, no flags, an empty mask).
    let mut new: libc::sigaction = unsafe { std::mem::zeroed() };
    // SAFETY: as above.
    let mut old: libc::sigaction = unsafe { std::mem::zeroed() };
    new.sa_sigaction = match d {
        Some(Disposition::Ignore) => libc::SIG_IGN,
        Some(Disposition::Python) | Some(Disposition::Other) => python_handler(),
        _ => libc::SIG_DFL,
    };
    // No SA_RESTART: a blocking read or sleep returns EINTR so that the
    // Python handler runs (and KeyboardInterrupt is raised) at once.
    new.sa_flags = libc::SA_ONSTACK;
    let newp: *const libc::sigaction = if d.is_some() { &new } else { std::ptr::null() };
    // SAFETY: `newp` is null or points to a valid `sigaction` that lives
    // across the call, `old` is valid for writing, and the handler we
    // install (`c_handler`) is async-signal-safe (atomic stores only).
    let rc = unsafe { libc::sigaction(signum, newp, &mut old) };
    if rc != 0 {
        return Err(nix::errno::Errno::last_raw());
    }
    Ok(match old.sa_sigaction {
        libc::SIG_DFL => Disposition::Default,
        libc::SIG_IGN => Disposition::Ignore,
        h if h == python_handler() => Disposition::Python,
        _ => Disposition::Other,
    })
}

/// `raise(3)`: the signal is delivered to this (the interpreter) thread
/// before the call returns.
fn os_raise(signum: i32) -> Result<(), i32> {
    // SAFETY: `raise` has no memory-safety preconditions; an invalid
    // number is reported as EINVAL.
    let rc = unsafe { libc::raise(signum) };
    if rc != 0 {
        return Err(nix::errno::Errno::last_raw());
    }
    Ok(())
}

/// Registers the OS operations with the VM.
pub fn register_hooks() {
    signalmodule::set_os_hooks(OsHooks {
        set: os_set,
        raise: os_raise,
    });
}

/// Blocks every signal in the calling thread (the process's first thread,
/// before it starts the interpreter thread) and returns the mask to
/// restore in the interpreter thread.
pub fn block_all() -> Option<SigSet> {
    let mut old = SigSet::empty();
    pthread_sigmask(
        SigmaskHow::SIG_SETMASK,
        Some(&SigSet::all()),
        Some(&mut old),
    )
    .ok()?;
    Some(old)
}

/// Restores a signal mask saved by `block_all`.
pub fn restore(mask: Option<SigSet>) {
    if let Some(m) = mask {
        let _ = pthread_sigmask(SigmaskHow::SIG_SETMASK, Some(&m), None);
    }
}

/// Ends the process by SIGINT, as CPython does after an uncaught
/// KeyboardInterrupt, so that a shell sees 130 and knows why.
pub fn exit_by_sigint() -> ! {
    let _ = os_set(libc::SIGINT, Some(Disposition::Default));
    let mut set = SigSet::empty();
    set.add(Signal::SIGINT);
    let _ = pthread_sigmask(SigmaskHow::SIG_UNBLOCK, Some(&set), None);
    let _ = nix::sys::signal::raise(Signal::SIGINT);
    std::process::exit(130);
}
