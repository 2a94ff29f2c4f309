//! Native modules (CPython's Modules/), found by name at import.
pub mod atexitmodule;
pub mod dismodule;
pub mod errnomodule;
pub mod gcmodule;
pub mod io_buffered;
pub mod io_file;
pub mod io_memory;
pub mod io_site;
#[cfg(test)]
mod io_tests;
pub mod io_text;
pub mod io_time;
pub mod iomodule;
pub mod mathmodule;
pub mod posix_fd;
pub mod posix_sys;
pub mod posix_types;
pub mod posixmodule;
pub mod signalmodule;
pub mod sysmodule;
pub mod timemodule;
pub mod tracebackmodule;
pub mod warningsmodule;

use crate::python::import::ModuleInit;

/// The inittab: native modules by name.
pub fn native_module(name: &str) -> Option<ModuleInit> {
    Some(match name {
        "sys" => sysmodule::get_module,
        "builtins" => crate::python::bltinmodule::get_module,
        "time" => timemodule::make_module,
        "math" => mathmodule::make_module,
        "errno" => errnomodule::make_module,
        "atexit" => atexitmodule::make_module,
        "gc" => gcmodule::make_module,
        "_signal" => signalmodule::make_module,
        "_warnings" => warningsmodule::make_module,
        "posix" => posixmodule::make_module,
        "dis" => dismodule::make_module,
        "traceback" => tracebackmodule::make_module,
        "_io" => iomodule::io_module,
        "io" => iomodule::make_io_module,
        _ => return None,
    })
}

/// Names `sys.builtin_module_names` reports.
pub fn builtin_module_names() -> Vec<&'static str> {
    let mut v = vec![
        "_io",
        "_signal",
        "_warnings",
        "atexit",
        "builtins",
        "errno",
        "gc",
        "math",
        "posix",
        "sys",
        "time",
    ];
    v.sort();
    v
}
