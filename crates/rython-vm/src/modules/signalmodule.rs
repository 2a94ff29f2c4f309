//! `_signal` (CPython's Modules/signalmodule.c): Python-level signal
//! handlers. `lib/signal.py` wraps it with the `Signals`/`Handlers` enums.
//!
//! A signal is handled in two steps, as in CPython. The OS-level handler
//! (`c_handler`, installed by the binary through `set_os_hooks` because
//! `sigaction` is `unsafe`) only sets atomic flags: the signal's `TRIPPED`
//! entry, `IS_TRIPPED`, and the eval loop's checkpoint flag
//! (`finalize::wake`). At its next checkpoint (a call, a backward jump, a
//! function entry) the eval loop calls `check_signals`, which runs the
//! Python handlers; `default_int_handler` raises `KeyboardInterrupt` there.
//! Blocking calls (`time.sleep`, reads) see `EINTR` and call
//! `check_signals` themselves (PEP 475: retry unless a handler raised).
//! Handlers are installed without `SA_RESTART`, so a blocked read does
//! return `EINTR`.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::OnceLock;

use crate::object::PyObjectRef;
use crate::objects::longobject::PyInt;
use crate::objects::tupleobject::PyTupleRef;
use crate::python::args;
use crate::{PyResult, VM};

/// Signal numbers run from 1 to `NSIG - 1` (Linux: 64).
pub const NSIG: usize = 65;
pub const SIGINT: i32 = 2;
const SIG_DFL: i64 = 0;
const SIG_IGN: i64 = 1;

static TRIPPED: [AtomicBool; NSIG] = [const { AtomicBool::new(false) }; NSIG];
static IS_TRIPPED: AtomicBool = AtomicBool::new(false);

/// What the OS does when a signal arrives.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Disposition {
    Default,
    Ignore,
    /// `c_handler`: trip the flag for the Python handler.
    Python,
    /// A handler installed by someone else.
    Other,
}

/// The OS operations that need `unsafe` (provided by the binary).
pub struct OsHooks {
    /// Sets the disposition of a signal (when `Some`) and returns the
    /// previous one; `Err(errno)` on failure.
    pub set: fn(i32, Option<Disposition>) -> Result<Disposition, i32>,
    /// `raise(3)`: sends a signal to the calling thread.
    pub raise: fn(i32) -> Result<(), i32>,
}

static HOOKS: OnceLock<OsHooks> = OnceLock::new();

/// Registers the OS operations; without them handlers only live in the
/// table (embedding, unit tests).
pub fn set_os_hooks(hooks: OsHooks) {
    let _ = HOOKS.set(hooks);
}

/// The OS-level handler's work: async-signal-safe (atomic stores only).
pub fn trip(signum: i32) {
    if signum > 0 && (signum as usize) < NSIG {
        TRIPPED[signum as usize].store(true, Ordering::SeqCst);
        IS_TRIPPED.store(true, Ordering::SeqCst);
        crate::object::finalize::wake();
    }
}

/// The function installed with `sigaction` for Python-handled signals.
pub extern "C" fn c_handler(signum: std::ffi::c_int) {
    trip(signum);
}

/// Whether a signal waits for its Python handler.
pub fn is_tripped() -> bool {
    IS_TRIPPED.load(Ordering::SeqCst)
}

fn os_set(signum: i32, d: Option<Disposition>) -> Result<Disposition, i32> {
    match HOOKS.get() {
        Some(h) => (h.set)(signum, d),
        None => {
            // No OS access: only what the table says. SIGKILL and SIGSTOP
            // still cannot be caught.
            if d.is_some() && (signum == 9 || signum == 19) {
                return Err(22);
            }
            Ok(Disposition::Default)
        }
    }
}

fn handlers_init(vm: &VM) {
    let mut h = vm.state.signal_handlers.borrow_mut();
    if h.len() == NSIG {
        return;
    }
    h.clear();
    h.push(None);
    for signum in 1..NSIG as i32 {
        let v = match os_set(signum, None) {
            Ok(Disposition::Default) => Some(vm.new_int(SIG_DFL)),
            Ok(Disposition::Ignore) => Some(vm.new_int(SIG_IGN)),
            Ok(_) => None,
            Err(_) => Some(vm.new_int(SIG_DFL)),
        };
        h.push(v);
    }
}

/// Runs the Python handlers of the signals that arrived
/// (`PyErr_CheckSignals`). `frame` makes the frame object passed to them.
pub fn check_signals_with(vm: &VM, frame: &mut dyn FnMut() -> PyObjectRef) -> PyResult<()> {
    if !IS_TRIPPED.swap(false, Ordering::SeqCst) {
        return Ok(());
    }
    let mut frame_obj: Option<PyObjectRef> = None;
    for (signum, tripped) in TRIPPED.iter().enumerate().skip(1) {
        if !tripped.swap(false, Ordering::SeqCst) {
            continue;
        }
        let func = vm
            .state
            .signal_handlers
            .borrow()
            .get(signum)
            .cloned()
            .flatten();
        let func = match func {
            Some(f) if !f.payload_is::<PyInt>() => f,
            _ => {
                let e = vm.new_os_error(format!(
                    "Python signal handler for signal {signum} disappeared"
                ));
                vm.write_unraisable(&e, Some(&vm.none()), "Exception ignored in");
                continue;
            }
        };
        let f = frame_obj.get_or_insert_with(&mut *frame).clone();
        if let Err(e) = vm.call(&func, &[vm.new_int(signum as i64), f], None) {
            // The signals not yet handled are handled at the next check.
            IS_TRIPPED.store(true, Ordering::SeqCst);
            crate::object::finalize::wake();
            return Err(e);
        }
    }
    Ok(())
}

/// `check_signals_with` from native code: the handlers get the frame of
/// the Python code calling it when that builtin publishes it
/// (`time.sleep`), else `None`.
pub fn check_signals(vm: &VM) -> PyResult<()> {
    if !is_tripped() {
        return Ok(());
    }
    check_signals_with(vm, &mut || match vm.state.current_frame.borrow().clone() {
        Some(f) => f.into_object(),
        None => vm.none(),
    })
}

fn signum_arg(vm: &VM, o: &PyObjectRef) -> PyResult<i32> {
    let s = vm.to_c_int(o)?;
    if s < 1 || s as usize >= NSIG {
        return Err(vm.new_value_error("signal number out of range"));
    }
    Ok(s)
}

fn os_error(vm: &VM, errno: i32) -> crate::PyBaseExceptionRef {
    crate::objects::exceptions::new_os_error_errno(
        vm,
        errno as i64,
        &super::posixmodule::strerror_text(errno),
        None,
    )
}

fn is_int_handler(vm: &VM, o: &PyObjectRef, v: i64) -> bool {
    // CPython compares exact ints only (`compare_handler`).
    matches!(o.downcast_ref::<PyInt>(), Some(PyInt::Small(x)) if *x == v)
        && o.class().is(&vm.types.int_type)
}

fn signal_signal(vm: &VM, a: &[PyObjectRef], k: Option<&PyTupleRef>) -> PyResult {
    let a = args::positional(vm, "signal", a, k, 2, 2)?;
    let signum = signum_arg(vm, &a[0])?;
    let handler = &a[1];
    let disp = if vm.is_callable(handler) {
        Disposition::Python
    } else if is_int_handler(vm, handler, SIG_IGN) {
        Disposition::Ignore
    } else if is_int_handler(vm, handler, SIG_DFL) {
        Disposition::Default
    } else {
        return Err(vm.new_type_error(
            "signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object",
        ));
    };
    check_signals(vm)?;
    handlers_init(vm);
    os_set(signum, Some(disp)).map_err(|e| os_error(vm, e))?;
    let old = vm.state.signal_handlers.borrow_mut()[signum as usize].replace(handler.clone());
    Ok(old.unwrap_or_else(|| vm.none()))
}

fn signal_getsignal(vm: &VM, a: &[PyObjectRef], k: Option<&PyTupleRef>) -> PyResult {
    let a = args::positional(vm, "getsignal", a, k, 1, 1)?;
    let signum = signum_arg(vm, &a[0])?;
    handlers_init(vm);
    let h = vm.state.signal_handlers.borrow()[signum as usize].clone();
    Ok(h.unwrap_or_else(|| vm.none()))
}

fn raise_os(signum: i32) -> Result<(), i32> {
    match HOOKS.get() {
        Some(h) => (h.raise)(signum),
        None => {
            let sig = nix::sys::signal::Signal::try_from(signum).map_err(|_| 22)?;
            nix::sys::signal::raise(sig).map_err(|e| e as i32)
        }
    }
}

fn signal_raise_signal(vm: &VM, a: &[PyObjectRef], k: Option<&PyTupleRef>) -> PyResult {
    let a = args::positional(vm, "raise_signal", a, k, 1, 1)?;
    let signum = vm.to_c_int(&a[0])?;
    raise_os(signum).map_err(|e| os_error(vm, e))?;
    check_signals(vm)?;
    Ok(vm.none())
}

fn default_int_handler(vm: &VM, a: &[PyObjectRef], k: Option<&PyTupleRef>) -> PyResult {
    args::positional(vm, "default_int_handler", a, k, 2, 2)?;
    Err(vm.new_exception_empty(&vm.types.exc.keyboard_interrupt))
}

fn signal_alarm(vm: &VM, a: &[PyObjectRef], k: Option<&PyTupleRef>) -> PyResult {
    let a = args::positional(vm, "alarm", a, k, 1, 1)?;
    let secs = vm.to_c_int(&a[0])?;
    let left = if secs == 0 {
        nix::unistd::alarm::cancel()
    } else {
        nix::unistd::alarm::set(secs as u32)
    };
    Ok(vm.new_int(left.unwrap_or(0) as i64))
}

fn signal_pause(vm: &VM, a: &[PyObjectRef], k: Option<&PyTupleRef>) -> PyResult {
    args::positional(vm, "pause", a, k, 0, 0)?;
    nix::unistd::pause();
    check_signals(vm)?;
    Ok(vm.none())
}

fn strsignal_text(signum: usize) -> Option<String> {
    const NAMES: [&str; 32] = [
        "",
        "Hangup",
        "Interrupt",
        "Quit",
        "Illegal instruction",
        "Trace/breakpoint trap",
        "Aborted",
        "Bus error",
        "Floating point exception",
        "Killed",
        "User defined signal 1",
        "Segmentation fault",
        "User defined signal 2",
        "Broken pipe",
        "Alarm clock",
        "Terminated",
        "Stack fault",
        "Child exited",
        "Continued",
        "Stopped (signal)",
        "Stopped",
        "Stopped (tty input)",
        "Stopped (tty output)",
        "Urgent I/O condition",
        "CPU time limit exceeded",
        "File size limit exceeded",
        "Virtual timer expired",
        "Profiling timer expired",
        "Window changed",
        "I/O possible",
        "Power failure",
        "Bad system call",
    ];
    match signum {
        1..=31 => Some(NAMES[signum].to_string()),
        34..=64 => Some(format!("Real-time signal {}", signum - 34)),
        _ => None,
    }
}

fn signal_strsignal(vm: &VM, a: &[PyObjectRef], k: Option<&PyTupleRef>) -> PyResult {
    let a = args::positional(vm, "strsignal", a, k, 1, 1)?;
    let signum = signum_arg(vm, &a[0])?;
    Ok(match strsignal_text(signum as usize) {
        Some(s) => vm.new_str_obj(s),
        None => vm.none(),
    })
}

fn signal_valid_signals(vm: &VM, a: &[PyObjectRef], k: Option<&PyTupleRef>) -> PyResult {
    args::positional(vm, "valid_signals", a, k, 0, 0)?;
    let set = vm.call(&vm.types.set_type.clone().into_object(), &[], None)?;
    for s in (1..NSIG as i64).filter(|s| *s != 32 && *s != 33) {
        vm.call_method(&set, "add", &[vm.new_int(s)])?;
    }
    Ok(set)
}

const CONSTANTS: &[(&str, i64)] = &[
    ("NSIG", NSIG as i64),
    ("SIG_DFL", SIG_DFL),
    ("SIG_IGN", SIG_IGN),
    ("SIGHUP", 1),
    ("SIGINT", 2),
    ("SIGQUIT", 3),
    ("SIGILL", 4),
    ("SIGTRAP", 5),
    ("SIGIOT", 6),
    ("SIGABRT", 6),
    ("SIGFPE", 8),
    ("SIGKILL", 9),
    ("SIGBUS", 7),
    ("SIGSEGV", 11),
    ("SIGSYS", 31),
    ("SIGPIPE", 13),
    ("SIGALRM", 14),
    ("SIGTERM", 15),
    ("SIGUSR1", 10),
    ("SIGUSR2", 12),
    ("SIGCLD", 17),
    ("SIGCHLD", 17),
    ("SIGPWR", 30),
    ("SIGIO", 29),
    ("SIGURG", 23),
    ("SIGWINCH", 28),
    ("SIGPOLL", 29),
    ("SIGSTOP", 19),
    ("SIGTSTP", 20),
    ("SIGCONT", 18),
    ("SIGTTIN", 21),
    ("SIGTTOU", 22),
    ("SIGVTALRM", 26),
    ("SIGPROF", 27),
    ("SIGXCPU", 24),
    ("SIGXFSZ", 25),
    ("SIGRTMIN", 34),
    ("SIGRTMAX", 64),
    ("SIGSTKFLT", 16),
];

pub fn make_module(vm: &VM) -> PyResult<PyObjectRef> {
    let m = vm.new_module("_signal", Some("This module provides mechanisms to use signal handlers in Python.\n\nFunctions:\n\nalarm() -- cause SIGALRM after a specified time [Unix only]\npause() -- wait until a signal arrives [Unix only]\nsignal() -- set the action for a given signal\ngetsignal() -- get the signal action for a given signal\ndefault_int_handler() -- default SIGINT handler\n\nsignal constants:\nSIG_DFL -- used to refer to the system default handler\nSIG_IGN -- used to ignore the signal\nNSIG -- number of defined signals\nSIGINT, SIGTERM, etc. -- signal numbers\n\n*** IMPORTANT NOTICE ***\nA signal handler function is called with two arguments:\nthe first is the signal number, the second is the interrupted stack frame."));
    let d = &m.payload.dict.payload;
    let mo = m.clone().into_object();
    for (name, v) in CONSTANTS {
        d.set_str(vm, name, vm.new_int(*v));
    }
    vm.add_function(d, &mo, "signal", signal_signal);
    vm.add_function(d, &mo, "getsignal", signal_getsignal);
    vm.add_function(d, &mo, "raise_signal", signal_raise_signal);
    vm.add_function(d, &mo, "default_int_handler", default_int_handler);
    vm.add_function(d, &mo, "alarm", signal_alarm);
    vm.add_function(d, &mo, "pause", signal_pause);
    vm.add_function(d, &mo, "strsignal", signal_strsignal);
    vm.add_function(d, &mo, "valid_signals", signal_valid_signals);
    // Handlers run inside these get the caller's frame.
    for name in ["raise_signal", "pause"] {
        if let Some(f) = d.get_str_name(vm, name) {
            vm.state
                .frame_builtins
                .register(f.id(), crate::python::pylifecycle::FrameUse::Globals);
        }
    }
    handlers_init(vm);
    // SIGINT raises KeyboardInterrupt unless it was ignored (or taken) when
    // the interpreter started (CPython's `signal_module_exec`).
    let sigint_default = vm.state.signal_handlers.borrow()[SIGINT as usize]
        .as_ref()
        .is_some_and(|h| is_int_handler(vm, h, SIG_DFL));
    if sigint_default {
        if let Some(h) = d.get_str_name(vm, "default_int_handler") {
            if os_set(SIGINT, Some(Disposition::Python)).is_ok() {
                vm.state.signal_handlers.borrow_mut()[SIGINT as usize] = Some(h);
            }
        }
    }
    Ok(mo)
}

/// Start-up of the main interpreter (`_PySignal_Init`): imports `_signal`,
/// which installs the SIGINT handler.
pub fn install_handlers(vm: &VM) -> PyResult<()> {
    vm.import_module("_signal").map(|_| ())
}
