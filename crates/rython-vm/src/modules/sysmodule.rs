//! The `sys` module (CPython's Python/sysmodule.c), and the interpreter's
//! standard streams until the `io` module provides full file objects.

use crate::object::PyObjectRef;
use crate::objects::strobject::PyStr;
use crate::objects::tupleobject::PyTupleRef;
use crate::python::args;
use crate::{PyResult, VM};

/// Flushes the interpreter's stdout/stderr buffers (at exit and before
/// writing to stderr so output interleaves as in CPython).
pub fn flush_std_streams(vm: &VM) {
    for name in ["stdout", "stderr", "__stdout__", "__stderr__"] {
        if let Ok(s) = vm.sys_attr(name) {
            if let Some(t) = s.downcast_ref::<crate::modules::io_text::PyTextIO>() {
                // A failed flush (EPIPE...) drops the data: nothing more
                // can be done with it here.
                if !t.is_closed(vm).unwrap_or(true) {
                    let _ = t.flush(vm);
                }
            } else if !vm.is_none(&s) {
                let _ = vm.call_method(&s, "flush", &[]);
            }
        }
    }
}

/// `sys.exit([arg])`: raises SystemExit the way `PyErr_SetObject` does, so
/// None means no arguments and a tuple supplies the arguments.
fn exit(vm: &VM, a: &[PyObjectRef], k: Option<&PyTupleRef>) -> PyResult {
    if k.is_some_and(|k| !k.payload.is_empty()) {
        return Err(vm.new_type_error("sys.exit() takes no keyword arguments"));
    }
    let a = args::positional(vm, "exit", a, k, 0, 1)?;
    let args: Vec<PyObjectRef> = match a.first() {
        None => vec![],
        Some(v) if vm.is_none(v) => vec![],
        Some(v) => match v.downcast_ref::<crate::objects::tupleobject::PyTuple>() {
            Some(t) if v.class().is(&vm.types.tuple_type) => t.as_slice().to_vec(),
            _ => vec![v.clone()],
        },
    };
    let code = match args.len() {
        0 => vm.none(),
        1 => args[0].clone(),
        _ => vm.new_tuple(args.clone()).into_object(),
    };
    let e = vm.new_exception(&vm.types.exc.system_exit, args);
    vm.set_exception_attr(&e, "code", code);
    Err(e)
}

/// The stdio error handler CPython picks: surrogateescape under the C or
/// POSIX locale (C.UTF-8 included), strict otherwise.
/// A codec's canonical name (`codecs.lookup(name).name`).
fn codec_name(c: &crate::objects::codecs::Codec) -> &'static str {
    use crate::objects::codecs::{Codec, Endian};
    match c {
        Codec::Utf8 => "utf-8",
        Codec::Utf8Sig => "utf-8-sig",
        Codec::Ascii => "ascii",
        Codec::Latin1 => "iso8859-1",
        Codec::Utf16(None) => "utf-16",
        Codec::Utf16(Some(Endian::Little)) => "utf-16-le",
        Codec::Utf16(Some(Endian::Big)) => "utf-16-be",
        Codec::Utf32(None) => "utf-32",
        Codec::Utf32(Some(Endian::Little)) => "utf-32-le",
        Codec::Utf32(Some(Endian::Big)) => "utf-32-be",
        Codec::UnicodeEscape => "unicode-escape",
        Codec::RawUnicodeEscape => "raw-unicode-escape",
    }
}

/// Checks `PYTHONIOENCODING`'s encoding at start-up (`init_stdio_encoding`):
/// the message of CPython's fatal error when it is unknown.
pub fn check_stdio_encoding(vm: &VM) -> Result<(), String> {
    let enc = vm.config.borrow().stdio_encoding.clone();
    match enc {
        Some(e) => crate::objects::codecs::lookup_codec(vm, &e)
            .map(|_| ())
            .map_err(|err| {
                let msg = vm
                    .str_string(err.as_object())
                    .unwrap_or_else(|_| format!("unknown encoding: {e}"));
                format!("LookupError: {msg}")
            }),
        None => Ok(()),
    }
}

fn stdio_errors() -> &'static str {
    let locale = ["LC_ALL", "LC_CTYPE", "LANG"]
        .iter()
        .filter_map(|v| std::env::var(v).ok())
        .find(|v| !v.is_empty())
        .unwrap_or_else(|| "C".to_string());
    if locale == "C" || locale == "POSIX" || locale.starts_with("C.") {
        "surrogateescape"
    } else {
        "strict"
    }
}

thread_local! {
    /// `sys.setswitchinterval`: kept for `getswitchinterval` (there is one
    /// interpreter thread, so nothing switches).
    static SWITCH_INTERVAL: std::cell::Cell<f64> = const { std::cell::Cell::new(0.005) };
}

fn getswitchinterval(vm: &VM, a: &[PyObjectRef], k: Option<&PyTupleRef>) -> PyResult {
    args::positional(vm, "sys.getswitchinterval", a, k, 0, 0)?;
    Ok(vm.new_float(SWITCH_INTERVAL.with(|s| s.get())))
}

fn setswitchinterval(vm: &VM, a: &[PyObjectRef], k: Option<&PyTupleRef>) -> PyResult {
    let a = args::positional(vm, "sys.setswitchinterval", a, k, 1, 1)?;
    let v = vm.to_f64(&a[0])?;
    if v <= 0.0 || v.is_nan() {
        return Err(vm.new_value_error("switch interval must be strictly positive"));
    }
    SWITCH_INTERVAL.with(|s| s.set(v));
    Ok(vm.none())
}

fn getrecursionlimit(vm: &VM, a: &[PyObjectRef], k: Option<&PyTupleRef>) -> PyResult {
    args::positional(vm, "sys.getrecursionlimit", a, k, 0, 0)?;
    Ok(vm.new_int(vm.recursion_limit.get() as i64))
}

fn setrecursionlimit(vm: &VM, a: &[PyObjectRef], k: Option<&PyTupleRef>) -> PyResult {
    let a = args::positional(vm, "sys.setrecursionlimit", a, k, 1, 1)?;
    let n = vm.to_c_int(&a[0])? as i64;
    if n < 1 {
        return Err(vm.new_value_error("recursion limit must be greater or equal than 1"));
    }
    let depth = vm.recursion_depth.get() as i64;
    if n <= depth {
        return Err(vm.new_recursion_error(format!("cannot set the recursion limit to {n} at the recursion depth {depth}: the limit is too low")));
    }
    vm.recursion_limit.set(n as usize);
    Ok(vm.none())
}

fn getrefcount(vm: &VM, a: &[PyObjectRef], k: Option<&PyTupleRef>) -> PyResult {
    let a = args::positional(vm, "sys.getrefcount", a, k, 1, 1)?;
    // The argument slice holds one reference of its own, as CPython's
    // call does; immortal objects report CPython's immortal count.
    let rc = a[0].refcount();
    if rc >= crate::object::core::IMMORTAL_REFCNT / 2 {
        return Ok(vm.new_int(4294967295));
    }
    Ok(vm.new_int(rc as i64))
}

fn intern(vm: &VM, a: &[PyObjectRef], k: Option<&PyTupleRef>) -> PyResult {
    let a = args::positional(vm, "sys.intern", a, k, 1, 1)?;
    match a[0].clone().downcast::<PyStr>() {
        Ok(s) if a[0].class().is(&vm.types.str_type) => Ok(vm.intern_str(s).into_object()),
        _ => Err(vm.new_type_error(format!(
            "intern() argument must be str, not {}",
            crate::python::args::arg_type_name(&a[0])
        ))),
    }
}

fn exc_info(vm: &VM, a: &[PyObjectRef], k: Option<&PyTupleRef>) -> PyResult {
    args::positional(vm, "sys.exc_info", a, k, 0, 0)?;
    match vm.handled_exception.borrow().clone() {
        Some(e) => {
            let tb = e
                .downcast_ref::<crate::objects::exceptions::PyBaseException>()
                .and_then(|x| x.traceback.borrow().clone())
                .unwrap_or_else(|| vm.none());
            Ok(vm
                .new_tuple(vec![e.class().clone().into_object(), e.clone(), tb])
                .into_object())
        }
        None => Ok(vm
            .new_tuple(vec![vm.none(), vm.none(), vm.none()])
            .into_object()),
    }
}

fn exception(vm: &VM, a: &[PyObjectRef], k: Option<&PyTupleRef>) -> PyResult {
    args::positional(vm, "sys.exception", a, k, 0, 0)?;
    Ok(vm
        .handled_exception
        .borrow()
        .clone()
        .unwrap_or_else(|| vm.none()))
}

/// `sys.flags.hash_randomization`: off only for a zero seed, from the
/// config or (unless -E) PYTHONHASHSEED.
fn hash_randomization(config: &crate::python::pylifecycle::Config) -> bool {
    let seed = config.hash_seed.or_else(|| {
        if config.ignore_environment {
            return None;
        }
        std::env::var("PYTHONHASHSEED").ok()?.parse().ok()
    });
    seed != Some(0)
}

/// `sys._getframe(depth=0)`: the calling frame (set around this call by
/// the eval loop, as for `globals()`), then `depth` steps up `f_back`.
fn getframe(vm: &VM, a: &[PyObjectRef], k: Option<&PyTupleRef>) -> PyResult {
    let a = args::positional(vm, "_getframe", a, k, 0, 1)?;
    let depth = match a.first() {
        Some(d) => vm.to_c_int(d)? as i64,
        None => 0,
    };
    let mut cur = vm
        .state
        .current_frame
        .borrow()
        .clone()
        .map(|f| f.into_object());
    let mut n = depth;
    while n > 0 {
        let Some(f) = cur else { break };
        let back = vm.get_attr(&f, &vm.intern("f_back"))?;
        cur = if vm.is_none(&back) { None } else { Some(back) };
        n -= 1;
    }
    cur.ok_or_else(|| vm.new_value_error("call stack is not deep enough"))
}

fn get_int_max_str_digits(vm: &VM, a: &[PyObjectRef], k: Option<&PyTupleRef>) -> PyResult {
    args::positional(vm, "sys.get_int_max_str_digits", a, k, 0, 0)?;
    Ok(vm.new_int(vm.int_max_str_digits.get() as i64))
}

fn set_int_max_str_digits(vm: &VM, a: &[PyObjectRef], k: Option<&PyTupleRef>) -> PyResult {
    let [maxdigits] = args::bind(vm, "set_int_max_str_digits", a, k, ["maxdigits"], 1, 0)?;
    let n = vm.to_c_int(&maxdigits.expect("required"))? as i64;
    if n != 0 && n < 640 {
        return Err(vm.new_value_error("maxdigits must be 0 or larger than 640"));
    }
    vm.int_max_str_digits.set(n as usize);
    Ok(vm.none())
}

fn excepthook(vm: &VM, a: &[PyObjectRef], k: Option<&PyTupleRef>) -> PyResult {
    let a = args::positional(vm, "excepthook", a, k, 3, 3)?;
    match a[1]
        .clone()
        .downcast::<crate::objects::exceptions::PyBaseException>()
    {
        Ok(e) => vm.write_stderr(&crate::python::pythonrun::format_exception(vm, &e)),
        Err(o) => vm.write_stderr(&format!(
            "TypeError: print_exception(): Exception expected for value, {} found\n",
            o.class().name_string()
        )),
    }
    Ok(vm.none())
}

fn displayhook(vm: &VM, a: &[PyObjectRef], k: Option<&PyTupleRef>) -> PyResult {
    let a = args::positional(vm, "sys.displayhook", a, k, 1, 1)?;
    if vm.is_none(&a[0]) {
        return Ok(vm.none());
    }
    vm.builtins.payload.set_str(vm, "_", vm.none());
    let r = vm.repr(&a[0])?;
    let out = vm.sys_attr("stdout")?;
    vm.call_method(
        &out,
        "write",
        &[vm.new_str_obj(format!("{}\n", r.payload.as_str()))],
    )?;
    vm.builtins.payload.set_str(vm, "_", a[0].clone());
    Ok(vm.none())
}

pub fn get_module(vm: &VM) -> PyResult<PyObjectRef> {
    Ok(vm
        .state
        .sys_module
        .borrow()
        .clone()
        .expect("sys initialised")
        .into_object())
}

/// `sys.stdin`/`stdout`/`stderr` as CPython's `create_stdio` makes them:
/// TextIOWrapper(Buffered(FileIO(fd))), newline "\n", stdout
/// line-buffered on a terminal, stderr always line-buffered with
/// backslashreplace, `-u` making writes go straight through.
fn new_stream(vm: &VM, fd: i64, unbuffered: bool) -> PyResult<PyObjectRef> {
    use crate::modules::io_buffered::{new_buffered, Kind};
    // A descriptor closed at start-up (`<&-`) gives None (`is_valid_fd`).
    if vm.config.borrow().closed_std_fds[fd as usize] {
        return Ok(vm.none());
    }
    let raw = crate::modules::io_file::std_fileio(vm, fd)?;
    let isatty = raw
        .downcast_ref::<crate::modules::io_file::PyFileIO>()
        .is_some_and(|f| f.isatty());
    let kind = if fd == 0 { Kind::Reader } else { Kind::Writer };
    // Unbuffered writes use the raw FileIO as `.buffer`, as CPython's
    // create_stdio does with buffering=0.
    let buffer = if unbuffered && fd != 0 {
        raw
    } else {
        new_buffered(vm, kind, raw, crate::modules::iomodule::DEFAULT_BUFFER_SIZE)?
    };
    let config = vm.config.borrow().clone();
    let encoding = match &config.stdio_encoding {
        Some(e) => codec_name(&crate::objects::codecs::lookup_codec(vm, e)?),
        None => "utf-8",
    };
    let errors = if fd == 2 {
        "backslashreplace".to_string()
    } else {
        config
            .stdio_errors
            .clone()
            .unwrap_or_else(|| stdio_errors().to_string())
    };
    let t = crate::modules::io_text::new_text(
        vm,
        buffer,
        Some(encoding),
        Some(&errors),
        Some(Some("\n")),
        fd == 2 || (fd == 1 && isatty),
        unbuffered && fd != 0,
    )?;
    if let Some(tw) = t.downcast_ref::<crate::modules::io_text::PyTextIO>() {
        *tw.mode.borrow_mut() = Some(vm.new_str_obj(if fd == 0 { "r" } else { "w" }));
    }
    Ok(t)
}

pub fn init(vm: &VM) {
    let m = vm.new_module("sys", Some("This module provides access to some objects used or maintained by the\ninterpreter and to functions that interact strongly with the interpreter."));
    let d = &m.payload.dict.payload;
    let mo = m.clone().into_object();
    let config = vm.config.borrow().clone();
    let unbuffered = config.unbuffered;
    let stream = |fd| new_stream(vm, fd, unbuffered).unwrap_or_else(|_| vm.none());
    let stdout = stream(1);
    let stderr = stream(2);
    let stdin = stream(0);
    for (n, v) in [("stdout", &stdout), ("stderr", &stderr), ("stdin", &stdin)] {
        d.set_str(vm, n, v.clone());
        d.set_str(vm, &format!("__{n}__"), v.clone());
    }
    let strs = |v: &[String]| {
        vm.new_list(v.iter().map(|s| vm.new_str_obj(s.as_str())).collect())
            .into_object()
    };
    d.set_str(vm, "argv", strs(&config.argv));
    // The command line as the OS gave it, interpreter path included.
    let orig: Vec<String> = std::env::args_os()
        .map(|a| rython_common::surrogates::from_os_bytes(a.as_encoded_bytes()))
        .collect();
    d.set_str(vm, "orig_argv", strs(&orig));
    d.set_str(vm, "path", strs(&config.path));
    d.set_str(vm, "modules", vm.sys_modules.clone().into_object());
    d.set_str(vm, "executable", vm.new_str_obj(config.executable.as_str()));
    d.set_str(
        vm,
        "_base_executable",
        vm.new_str_obj(config.executable.as_str()),
    );
    d.set_str(vm, "platform", vm.new_str_obj("linux"));
    d.set_str(vm, "float_repr_style", vm.new_str_obj("short"));
    d.set_str(vm, "abiflags", vm.new_str_obj(""));
    d.set_str(
        vm,
        "byteorder",
        vm.new_str_obj(if cfg!(target_endian = "little") {
            "little"
        } else {
            "big"
        }),
    );
    d.set_str(vm, "maxsize", vm.new_int(i64::MAX));
    d.set_str(vm, "maxunicode", vm.new_int(0x10ffff));
    d.set_str(vm, "version", vm.new_str_obj(crate::VERSION_STRING));
    d.set_str(vm, "hexversion", vm.new_int(0x030d00f0));
    d.set_str(vm, "api_version", vm.new_int(1013));
    d.set_str(
        vm,
        "copyright",
        vm.new_str_obj("Copyright (c) Rython developers."),
    );
    d.set_str(vm, "prefix", vm.new_str_obj("/usr/local"));
    d.set_str(vm, "exec_prefix", vm.new_str_obj("/usr/local"));
    d.set_str(vm, "base_prefix", vm.new_str_obj("/usr/local"));
    d.set_str(vm, "base_exec_prefix", vm.new_str_obj("/usr/local"));
    d.set_str(vm, "platlibdir", vm.new_str_obj("lib"));
    d.set_str(vm, "pycache_prefix", vm.none());
    d.set_str(vm, "dont_write_bytecode", vm.new_bool(true));
    d.set_str(vm, "meta_path", vm.new_list(vec![]).into_object());
    d.set_str(vm, "path_hooks", vm.new_list(vec![]).into_object());
    d.set_str(vm, "path_importer_cache", vm.new_dict().into_object());
    d.set_str(vm, "warnoptions", strs(&config.warnoptions));
    // `-X name=value` maps name to the str value, a bare `-X name` to True.
    let xoptions = vm.new_dict();
    for x in &config.xoptions {
        let (k, v) = match x.split_once('=') {
            Some((k, v)) => (k, vm.new_str_obj(v)),
            None => (x.as_str(), vm.new_bool(true)),
        };
        xoptions.payload.set_str(vm, k, v);
    }
    d.set_str(vm, "_xoptions", xoptions.into_object());
    let names: Vec<PyObjectRef> = super::builtin_module_names()
        .into_iter()
        .map(|n| vm.new_str_obj(n))
        .collect();
    d.set_str(
        vm,
        "builtin_module_names",
        vm.new_tuple(names).into_object(),
    );
    let vi = vm.new_tuple(vec![
        vm.new_int(3),
        vm.new_int(13),
        vm.new_int(0),
        vm.new_str_obj("final"),
        vm.new_int(0),
    ]);
    d.set_str(vm, "version_info", vi.into_object());
    let ns = vm.new_dict();
    ns.payload.set_str(vm, "name", vm.new_str_obj("rython"));
    ns.payload.set_str(vm, "cache_tag", vm.none());
    ns.payload.set_str(
        vm,
        "version",
        vm.new_tuple(vec![
            vm.new_int(0),
            vm.new_int(1),
            vm.new_int(0),
            vm.new_str_obj("alpha"),
            vm.new_int(0),
        ])
        .into_object(),
    );
    ns.payload.set_str(vm, "hexversion", vm.new_int(0x000100a0));
    ns.payload
        .set_str(vm, "_multiarch", vm.new_str_obj("x86_64-linux-gnu"));
    d.set_str(
        vm,
        "implementation",
        crate::python::bltinmodule::simple_namespace(vm, ns),
    );
    vm.add_function(d, &mo, "exit", exit);
    vm.add_function(d, &mo, "getrecursionlimit", getrecursionlimit);
    vm.add_function(d, &mo, "getswitchinterval", getswitchinterval);
    vm.add_function(d, &mo, "setswitchinterval", setswitchinterval);
    vm.add_function(d, &mo, "setrecursionlimit", setrecursionlimit);
    vm.add_function(d, &mo, "getrefcount", getrefcount);
    vm.add_function(d, &mo, "intern", intern);
    vm.add_function(d, &mo, "exc_info", exc_info);
    vm.add_function(d, &mo, "exception", exception);
    vm.add_function(d, &mo, "_getframe", getframe);
    vm.add_function(d, &mo, "get_int_max_str_digits", get_int_max_str_digits);
    vm.add_function(d, &mo, "set_int_max_str_digits", set_int_max_str_digits);
    vm.add_function(d, &mo, "excepthook", excepthook);
    vm.add_function(d, &mo, "displayhook", displayhook);
    let hook = d.get_str_name(vm, "excepthook");
    *vm.state.original_excepthook.borrow_mut() = hook.clone();
    if let Some(h) = hook {
        d.set_str(vm, "__excepthook__", h);
    }
    if let Some(h) = d.get_str_name(vm, "displayhook") {
        d.set_str(vm, "__displayhook__", h);
    }
    vm.sys_modules.payload.set_str(vm, "sys", mo.clone());
    if let Some(f) = d.get_str_name(vm, "_getframe") {
        vm.state
            .frame_builtins
            .register(f.id(), crate::python::pylifecycle::FrameUse::Stack);
    }
    *vm.state.sys_module.borrow_mut() = Some(m.clone());
    let b = |v: bool| vm.new_bool(v);
    let i = |v: i64| vm.new_int(v);
    let flags = vec![
        i(0),
        i(config.inspect as i64),
        i(config.interactive as i64),
        i(config.optimize as i64),
        i(config.dont_write_bytecode as i64),
        i(config.no_user_site as i64),
        i(config.no_site as i64),
        i(config.ignore_environment as i64),
        i(config.verbose as i64),
        i(config.bytes_warning as i64),
        i(config.quiet as i64),
        i(hash_randomization(&config) as i64),
        i(config.isolated as i64),
        b(config.dev_mode),
        i(0),
        i(0),
        b(config.safe_path),
        i(vm.int_max_str_digits.get() as i64),
    ];
    // Without these the interpreter still runs; the names are just absent.
    let _ = super::io_site::install(vm, &mo, flags);
}
