//! The `sys` module (CPython's Python/sysmodule.c), and the interpreter's
//! standard streams until the `io` module provides full file objects.

use std::cell::{Cell, RefCell};
use std::io::Write;

use crate::object::{PyObjectRef, PyPayload, PyRef, PyTypeRef};
use crate::objects::strobject::PyStr;
use crate::objects::tupleobject::PyTupleRef;
use crate::python::args;
use crate::{PyResult, VM};

/// A text stream over a file descriptor (stdin/stdout/stderr), buffered
/// like CPython's: stdout is line-buffered on a terminal, block-buffered
/// otherwise; stderr is line-buffered (`-u` makes both unbuffered).
pub struct PyStdStream {
    pub fd: i32,
    pub buffer: RefCell<Vec<u8>>,
    pub line_buffered: Cell<bool>,
    pub name: &'static str,
}

impl PyPayload for PyStdStream {
    fn class(vm: &VM) -> &PyTypeRef {
        vm.state.stdstream_type.get().expect("stdio type")
    }
}

impl PyStdStream {
    pub fn write_bytes(&self, data: &[u8]) -> std::io::Result<()> {
        let mut buf = self.buffer.borrow_mut();
        buf.extend_from_slice(data);
        if self.line_buffered.get() && data.contains(&b'\n') || buf.len() >= 8192 {
            let r = raw_write(self.fd, &buf);
            buf.clear();
            r?;
        }
        Ok(())
    }

    pub fn flush(&self) -> std::io::Result<()> {
        let mut buf = self.buffer.borrow_mut();
        if !buf.is_empty() {
            let r = raw_write(self.fd, &buf);
            buf.clear();
            r?;
        }
        Ok(())
    }
}

fn raw_write(fd: i32, data: &[u8]) -> std::io::Result<()> {
    match fd {
        1 => {
            let mut out = std::io::stdout().lock();
            out.write_all(data)?;
            out.flush()
        }
        _ => {
            let mut err = std::io::stderr().lock();
            err.write_all(data)?;
            err.flush()
        }
    }
}

fn stream<'a>(vm: &VM, obj: &'a PyObjectRef) -> PyResult<&'a PyStdStream> {
    obj.downcast_ref::<PyStdStream>()
        .ok_or_else(|| vm.new_type_error("expected a stream"))
}

fn s_write(vm: &VM, a: &[PyObjectRef], k: Option<&PyTupleRef>) -> PyResult {
    let a = args::positional(vm, "write", a, k, 2, 2)?;
    let s = stream(vm, &a[0])?;
    let Some(text) = a[1].downcast_ref::<PyStr>() else {
        return Err(vm.new_type_error(format!(
            "write() argument must be str, not {}",
            a[1].class().name_string()
        )));
    };
    if let Err(e) = s.write_bytes(text.as_str().as_bytes()) {
        return Err(vm.new_os_error(format!("[Errno {}] {}", e.raw_os_error().unwrap_or(0), e)));
    }
    Ok(vm.new_int(text.char_len() as i64))
}

fn s_flush(vm: &VM, a: &[PyObjectRef], _k: Option<&PyTupleRef>) -> PyResult {
    let s = stream(vm, &a[0])?;
    if let Err(e) = s.flush() {
        return Err(vm.new_os_error(format!("[Errno {}] {}", e.raw_os_error().unwrap_or(0), e)));
    }
    Ok(vm.none())
}

fn s_readline(vm: &VM, a: &[PyObjectRef], _k: Option<&PyTupleRef>) -> PyResult {
    let _ = stream(vm, &a[0])?;
    let mut line = String::new();
    std::io::stdin()
        .read_line(&mut line)
        .map_err(|e| vm.new_os_error(e.to_string()))?;
    Ok(vm.new_str_obj(line))
}

fn s_read(vm: &VM, a: &[PyObjectRef], _k: Option<&PyTupleRef>) -> PyResult {
    let _ = stream(vm, &a[0])?;
    let mut s = String::new();
    std::io::Read::read_to_string(&mut std::io::stdin(), &mut s)
        .map_err(|e| vm.new_os_error(e.to_string()))?;
    Ok(vm.new_str_obj(s))
}

fn s_fileno(vm: &VM, a: &[PyObjectRef], _k: Option<&PyTupleRef>) -> PyResult {
    Ok(vm.new_int(stream(vm, &a[0])?.fd as i64))
}

fn s_isatty(vm: &VM, a: &[PyObjectRef], _k: Option<&PyTupleRef>) -> PyResult {
    use std::io::IsTerminal;
    let fd = stream(vm, &a[0])?.fd;
    let t = match fd {
        0 => std::io::stdin().is_terminal(),
        1 => std::io::stdout().is_terminal(),
        _ => std::io::stderr().is_terminal(),
    };
    Ok(vm.new_bool(t))
}

fn s_encoding(vm: &VM, _o: &PyObjectRef) -> PyResult {
    Ok(vm.new_str_obj("utf-8"))
}

fn s_name(vm: &VM, o: &PyObjectRef) -> PyResult {
    Ok(vm.new_str_obj(stream(vm, o)?.name))
}

fn s_repr(vm: &VM, o: &PyObjectRef) -> PyResult {
    Ok(vm.new_str_obj(format!(
        "<_io.TextIOWrapper name='{}' mode='{}' encoding='utf-8'>",
        stream(vm, o)?.name,
        if stream(vm, o)?.fd == 0 { "r" } else { "w" }
    )))
}

/// Flushes the interpreter's stdout/stderr buffers (at exit and before
/// writing to stderr so output interleaves as in CPython).
pub fn flush_std_streams(vm: &VM) {
    for name in ["stdout", "stderr"] {
        if let Ok(s) = vm.sys_attr(name) {
            if let Some(st) = s.downcast_ref::<PyStdStream>() {
                let _ = st.flush();
            } else if !vm.is_none(&s) {
                let _ = vm.call_method(&s, "flush", &[]);
            }
        }
    }
}

fn exit(vm: &VM, a: &[PyObjectRef], k: Option<&PyTupleRef>) -> PyResult {
    let a = args::positional(vm, "exit", a, k, 0, 1)?;
    let args = a.to_vec();
    let e = vm.new_exception(&vm.types.exc.system_exit, args.clone());
    vm.set_exception_attr(
        &e,
        "code",
        args.first().cloned().unwrap_or_else(|| vm.none()),
    );
    Err(e)
}

fn getrecursionlimit(vm: &VM, a: &[PyObjectRef], k: Option<&PyTupleRef>) -> PyResult {
    args::positional(vm, "getrecursionlimit", a, k, 0, 0)?;
    Ok(vm.new_int(vm.recursion_limit.get() as i64))
}

fn setrecursionlimit(vm: &VM, a: &[PyObjectRef], k: Option<&PyTupleRef>) -> PyResult {
    let a = args::positional(vm, "setrecursionlimit", a, k, 1, 1)?;
    if a[0].payload_is::<crate::objects::floatobject::PyFloat>() {
        return Err(vm.new_type_error("'float' object cannot be interpreted as an integer"));
    }
    let n = vm.to_isize(&a[0], "")?;
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
    let a = args::positional(vm, "getrefcount", a, k, 1, 1)?;
    // The argument slice holds one reference of its own, as CPython's
    // call does; immortal objects report CPython's immortal count.
    let rc = a[0].refcount();
    if rc >= crate::object::core::IMMORTAL_REFCNT / 2 {
        return Ok(vm.new_int(4294967295));
    }
    Ok(vm.new_int(rc as i64))
}

fn intern(vm: &VM, a: &[PyObjectRef], k: Option<&PyTupleRef>) -> PyResult {
    let a = args::positional(vm, "intern", a, k, 1, 1)?;
    match a[0].clone().downcast::<PyStr>() {
        Ok(s) if a[0].class().is(&vm.types.str_type) => Ok(vm.intern_str(s).into_object()),
        _ => Err(vm.new_type_error(format!(
            "intern() argument must be str, not {}",
            a[0].class().name_string()
        ))),
    }
}

fn exc_info(vm: &VM, a: &[PyObjectRef], k: Option<&PyTupleRef>) -> PyResult {
    args::positional(vm, "exc_info", a, k, 0, 0)?;
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
    args::positional(vm, "exception", a, k, 0, 0)?;
    Ok(vm
        .handled_exception
        .borrow()
        .clone()
        .unwrap_or_else(|| vm.none()))
}

fn getframe(vm: &VM, a: &[PyObjectRef], k: Option<&PyTupleRef>) -> PyResult {
    args::positional(vm, "_getframe", a, k, 0, 1)?;
    Err(vm.new_value_error("call stack is not deep enough"))
}

fn get_int_max_str_digits(vm: &VM, a: &[PyObjectRef], k: Option<&PyTupleRef>) -> PyResult {
    args::positional(vm, "get_int_max_str_digits", a, k, 0, 0)?;
    Ok(vm.new_int(vm.int_max_str_digits.get() as i64))
}

fn set_int_max_str_digits(vm: &VM, a: &[PyObjectRef], k: Option<&PyTupleRef>) -> PyResult {
    let [maxdigits] = args::bind(vm, "set_int_max_str_digits", a, k, ["maxdigits"], 1, 0)?;
    let n = vm.to_isize(&maxdigits.expect("required"), "")?;
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
    let a = args::positional(vm, "displayhook", a, k, 1, 1)?;
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

fn new_stream(vm: &VM, fd: i32, name: &'static str, line_buffered: bool) -> PyObjectRef {
    let ty = vm.state.stdstream_type.get().expect("stdio type").clone();
    PyRef::new_exact(
        PyStdStream {
            fd,
            buffer: RefCell::new(Vec::new()),
            line_buffered: Cell::new(line_buffered),
            name,
        },
        ty,
    )
    .into_object()
}

pub fn init(vm: &VM) {
    use std::io::IsTerminal;
    let stream_type = crate::vm::new_static_type::<PyStdStream>(
        &vm.types.type_type,
        "TextIOWrapper",
        Some(&vm.types.object_type),
        0,
    );
    let _ = vm.state.stdstream_type.set(stream_type.clone());
    vm.add_method(&stream_type, "write", s_write);
    vm.add_method(&stream_type, "flush", s_flush);
    vm.add_method(&stream_type, "readline", s_readline);
    vm.add_method(&stream_type, "read", s_read);
    vm.add_method(&stream_type, "fileno", s_fileno);
    vm.add_method(&stream_type, "isatty", s_isatty);
    vm.add_getset(&stream_type, "encoding", s_encoding, None);
    vm.add_getset(&stream_type, "name", s_name, None);
    stream_type.payload.slots.repr.set(Some(s_repr));
    vm.add_class_attr(&stream_type, "__module__", vm.new_str_obj("_io"));

    let m = vm.new_module("sys", Some("This module provides access to some objects used or maintained by the\ninterpreter and to functions that interact strongly with the interpreter."));
    let d = &m.payload.dict.payload;
    let mo = m.clone().into_object();
    let config = vm.config.borrow().clone();
    let unbuffered = config.unbuffered;
    let stdout = new_stream(
        vm,
        1,
        "<stdout>",
        unbuffered || std::io::stdout().is_terminal(),
    );
    let stderr = new_stream(vm, 2, "<stderr>", true);
    let stdin = new_stream(vm, 0, "<stdin>", false);
    for (n, v) in [("stdout", &stdout), ("stderr", &stderr), ("stdin", &stdin)] {
        d.set_str(vm, n, v.clone());
        d.set_str(vm, &format!("__{n}__"), v.clone());
    }
    let strs = |v: &[String]| {
        vm.new_list(v.iter().map(|s| vm.new_str_obj(s.as_str())).collect())
            .into_object()
    };
    d.set_str(vm, "argv", strs(&config.argv));
    d.set_str(vm, "orig_argv", strs(&config.argv));
    d.set_str(vm, "path", strs(&config.path));
    d.set_str(vm, "modules", vm.sys_modules.clone().into_object());
    d.set_str(vm, "executable", vm.new_str_obj(config.executable.as_str()));
    d.set_str(
        vm,
        "_base_executable",
        vm.new_str_obj(config.executable.as_str()),
    );
    d.set_str(vm, "platform", vm.new_str_obj("linux"));
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
    d.set_str(vm, "_xoptions", vm.new_dict().into_object());
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
    *vm.state.sys_module.borrow_mut() = Some(m);
}
