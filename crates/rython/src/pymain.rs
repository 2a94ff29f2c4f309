//! Running the chosen target (CPython's `pymain_run_python`).

use rython_vm::python::pylifecycle::Config;
use rython_vm::{PyBaseExceptionRef, VM};

use crate::cli::Target;

use rython_common::surrogates::{os_path, path_text};

fn abs_path(p: &str) -> String {
    let path = os_path(p);
    if path.is_absolute() {
        return p.to_string();
    }
    match std::env::current_dir() {
        Ok(d) => path_text(&d.join(path)),
        Err(_) => p.to_string(),
    }
}

pub fn run(mut config: Config, target: Target) -> i32 {
    let prog = std::env::args_os()
        .next()
        .map(|a| rython_common::surrogates::from_os_bytes(a.as_encoded_bytes()))
        .unwrap_or_else(|| "rython".into());
    // sys.path[0]: the script's directory, '' for -c / stdin, cwd for -m.
    let first = match &target {
        // A directory runs its `__main__.py` and is itself sys.path[0].
        Target::File(f) if os_path(&abs_path(f)).is_dir() => abs_path(f),
        Target::File(f) => os_path(&abs_path(f))
            .parent()
            .map(path_text)
            .unwrap_or_default(),
        Target::Module(_) => std::env::current_dir()
            .map(|d| path_text(&d))
            .unwrap_or_default(),
        _ => String::new(),
    };
    if !config.safe_path {
        config.path.insert(0, first);
    }
    // CPython's first standard entry (a zip that usually does not exist);
    // the stdlib itself is embedded, so no directory of it is listed.
    config.path.push("/usr/local/lib/python313.zip".to_string());
    if let Target::File(f) = &target {
        config.argv[0] = f.clone();
    }
    if !config.ignore_environment {
        if let Some(kind) = std::env::var("PYTHONMALLOC").ok().filter(|v| !v.is_empty()) {
            use rython_vm::object::obmalloc::{set_allocator, AllocatorKind};
            use rython_vm::object::obmalloc_debug;
            match kind.as_str() {
                "malloc" => set_allocator(AllocatorKind::Malloc),
                "malloc_debug" => {
                    set_allocator(AllocatorKind::Malloc);
                    obmalloc_debug::enable();
                }
                "default" | "pymalloc" | "mimalloc" => set_allocator(AllocatorKind::Pymalloc),
                "debug" | "pymalloc_debug" | "mimalloc_debug" => {
                    set_allocator(AllocatorKind::Pymalloc);
                    obmalloc_debug::enable();
                }
                _ => {
                    eprintln!("Fatal Python error: preconfig_init_allocator: PYTHONMALLOC: unknown allocator");
                    eprintln!("Python runtime state: preinitializing");
                    return 1;
                }
            }
        }
    }
    let vm = match VM::new(config) {
        Ok(vm) => vm,
        Err(e) => {
            eprintln!("Fatal Python error: {e}");
            return 1;
        }
    };
    let here = 0u8;
    vm.state.stack_base.set(&here as *const u8 as usize);
    vm.state.stack_size.set(crate::INTERPRETER_STACK);
    // `-W` options take effect through the warnings module, which then
    // filters the main program's compile-time warnings too.
    if !vm.config.borrow().warnoptions.is_empty() {
        if let Err(e) = vm.import_module("warnings") {
            return finish(&vm, Err(e));
        }
    }
    let result = match &target {
        Target::File(f) if os_path(&abs_path(f)).is_dir() => {
            let dir = abs_path(f);
            let main = os_path(&dir).join("__main__.py");
            match std::fs::read(&main) {
                Ok(src) => {
                    let main = path_text(&main);
                    vm.run_main_source(&src, &main, Some(&main))
                }
                Err(_) => {
                    eprintln!("{prog}: can't find '__main__' module in {}", quote(&dir));
                    return 1;
                }
            }
        }
        Target::File(f) => {
            let abs = abs_path(f);
            match std::fs::read(os_path(&abs)) {
                Ok(src) => vm.run_main_source(&src, &abs, Some(&abs)),
                Err(e) => {
                    let code = e.raw_os_error().unwrap_or(2);
                    eprintln!(
                        "{prog}: can't open file {}: [Errno {}] {}",
                        quote(&abs),
                        code,
                        errno_text(&e)
                    );
                    return 2;
                }
            }
        }
        Target::Command(c) => {
            // The command's own bytes, undecodable ones included.
            let src = rython_common::surrogates::to_os_bytes(c).unwrap_or(c.as_bytes().into());
            vm.run_main_source(&src, "<string>", None)
        }
        Target::Module(m) => vm.run_module_as_main(m),
        Target::Stdin => {
            let mut src = Vec::new();
            let _ = std::io::Read::read_to_end(&mut std::io::stdin(), &mut src);
            vm.run_main_source(&src, "<stdin>", None)
        }
    };
    finish(&vm, result)
}

fn quote(s: &str) -> String {
    format!("'{}'", s.replace('\\', "\\\\").replace('\'', "\\'"))
}

fn errno_text(e: &std::io::Error) -> String {
    let s = e.to_string();
    match s.find(" (os error") {
        Some(i) => s[..i].to_string(),
        None => s,
    }
}

/// Exit status and reporting for the program's outcome (`Py_RunMain`'s
/// tail: `SystemExit`, uncaught exceptions, KeyboardInterrupt → 130).
fn finish(vm: &VM, result: Result<(), PyBaseExceptionRef>) -> i32 {
    let code = match result {
        Ok(()) => 0,
        Err(e) => exit_status(vm, &e),
    };
    let code = match vm.finalize() {
        Some(c) if code == 0 => c,
        _ => code,
    };
    code
}

fn exit_status(vm: &VM, e: &PyBaseExceptionRef) -> i32 {
    let cls = e.as_object().class();
    if cls.is_subtype(&vm.types.exc.system_exit) {
        rython_vm::modules::sysmodule::flush_std_streams(vm);
        return vm.system_exit_code(e);
    }
    rython_vm::modules::sysmodule::flush_std_streams(vm);
    vm.print_exception(e);
    if cls.is_subtype(&vm.types.exc.keyboard_interrupt) {
        return crate::EXIT_BY_SIGINT;
    }
    1
}
