//! `rython`: the interpreter's command line (CPython's Programs/python.c
//! and Modules/main.c `Py_Main`). Reads options and environment, sets up
//! the interpreter, runs a script, `-c` command, `-m` module or stdin, and
//! turns the outcome into CPython's exit status.

mod cli;
mod help;
mod pymain;
mod signals;
mod stdfds;

/// Every Rust allocation of the process (string buffers, dict tables, list
/// storage) goes through the same small-block pools as objects, as
/// CPython's `PyMem_Malloc` does.
#[global_allocator]
static ALLOCATOR: rython_vm::object::obmalloc::PyMemAllocator =
    rython_vm::object::obmalloc::PyMemAllocator;

/// Stack for the interpreter thread: deep Python recursion through native
/// code (`__add__` dunders, `repr` of nested lists) needs more than the
/// default 8 MiB; untouched pages cost no memory.
pub const INTERPRETER_STACK: usize = 1 << 30;

#[inline(never)]
#[no_mangle]
pub fn py_main() -> i32 {
    // Arguments that are not UTF-8 arrive with surrogateescape stand-ins,
    // as CPython decodes them.
    let args: Vec<String> = std::env::args_os()
        .map(|a| rython_common::surrogates::from_os_bytes(a.as_encoded_bytes()))
        .collect();
    let parsed = cli::parse(&args, &|k| std::env::var(k).ok());
    match parsed {
        cli::Parsed::Exit(code, msg, to_stderr) => {
            if to_stderr {
                eprint!("{msg}");
            } else {
                print!("{msg}");
            }
            code
        }
        cli::Parsed::Run(config, target) => pymain::run(*config, target),
    }
}

/// `py_main`'s status for an uncaught KeyboardInterrupt: like CPython, the
/// process then ends by SIGINT so the shell sees 130 and can tell.
pub const EXIT_BY_SIGINT: i32 = -2;

fn main() {
    rython_vm::object::obmalloc::configure_system_allocator();
    signals::register_hooks();
    // Signals go to the interpreter thread (see signals.rs).
    let mask = signals::block_all();
    let handle = std::thread::Builder::new()
        .name("rython-main".into())
        .stack_size(INTERPRETER_STACK)
        .spawn(move || {
            signals::restore(mask);
            py_main()
        });
    let code = match handle {
        Ok(h) => h.join().unwrap_or(1),
        Err(_) => {
            signals::restore(mask);
            py_main()
        }
    };
    if code == EXIT_BY_SIGINT {
        signals::exit_by_sigint();
    }
    std::process::exit(code);
}
