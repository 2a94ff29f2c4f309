//! The `_io` module (CPython's Modules/_io/_iomodule.c) and `io`, its
//! public face (Lib/io.py re-exports `_io` plus the ABC names).
//!
//! Layers: `FileIO` (io_file.rs) → `BufferedReader`/`BufferedWriter`/
//! `BufferedRandom` (io_buffered.rs: one Rust layout, three types) →
//! `TextIOWrapper` (io_text.rs). `StringIO`/`BytesIO` live in
//! io_memory.rs. The `_IOBase` family here provides the generic methods
//! (context manager, iteration, `readlines`, `writelines`) in terms of
//! Python-level calls so user subclasses behave as in CPython.

use crate::object::{PyObjectRef, PyPayload, PyRef, PyTypeRef};
use crate::objects::bytearrayobject::PyByteArray;
use crate::objects::bytesobject::PyBytes;
use crate::objects::exceptions::PyBaseExceptionRef;
use crate::objects::strobject::PyStr;
use crate::objects::tupleobject::PyTupleRef;
use crate::objects::typeobject::PyType;
use crate::python::args;
use crate::{PyResult, VM};

pub const DEFAULT_BUFFER_SIZE: usize = 8192;

/// Layout of the abstract bases (`_IOBase` and friends): no state.
pub struct PyIOBase;

impl PyPayload for PyIOBase {
    fn class(vm: &VM) -> &PyTypeRef {
        &vm.types.object_type
    }
}

pub fn closed_error(vm: &VM) -> PyBaseExceptionRef {
    vm.new_value_error("I/O operation on closed file.")
}

pub fn check_closed_flag(vm: &VM, closed: bool) -> PyResult<()> {
    if closed {
        Err(closed_error(vm))
    } else {
        Ok(())
    }
}

/// `io.UnsupportedOperation(msg)`.
pub fn unsupported(vm: &VM, msg: &str) -> PyBaseExceptionRef {
    match io_type(vm, "UnsupportedOperation") {
        Ok(t) => vm.new_exception_msg(&t, msg),
        Err(e) => e,
    }
}

/// The C library's message for an errno (what `strerror` gives).
fn strerror(e: &std::io::Error) -> String {
    let s = e.to_string();
    match s.find(" (os error") {
        Some(i) => s[..i].to_string(),
        None => s,
    }
}

/// An `OSError` subclass picked by errno, with `filename` set.
pub fn os_error_from(
    vm: &VM,
    e: &std::io::Error,
    filename: Option<PyObjectRef>,
) -> PyBaseExceptionRef {
    match e.raw_os_error() {
        Some(n) => {
            crate::objects::exceptions::new_os_error_errno(vm, n as i64, &strerror(e), filename)
        }
        None => vm.new_os_error(e.to_string()),
    }
}

/// `size` arguments: None or negative mean "all".
pub fn size_arg(vm: &VM, a: Option<&PyObjectRef>) -> PyResult<Option<usize>> {
    match a {
        None => Ok(None),
        Some(v) if vm.is_none(v) => Ok(None),
        Some(v) => {
            if !v.payload_is::<crate::objects::longobject::PyInt>()
                && vm.get_attr_opt_str(v, "__index__")?.is_none()
            {
                return Err(vm.new_type_error(format!(
                    "argument should be integer or None, not '{}'",
                    v.class().name_string()
                )));
            }
            let n = vm.to_isize(v, "")?;
            Ok(if n < 0 { None } else { Some(n as usize) })
        }
    }
}

/// The bytes of a bytes-like argument (`bytes`, `bytearray`, a
/// C-contiguous `memoryview`).
pub fn bytes_like(vm: &VM, o: &PyObjectRef) -> PyResult<Vec<u8>> {
    crate::objects::bytes_methods::bytes_arg(vm, o)
}

/// `readinto(b)`: fills the writable buffer `b` (a bytearray, or a
/// writable memoryview over one) with what `read(n)` returns.
pub fn readinto_with(
    vm: &VM,
    target: &PyObjectRef,
    read: impl FnOnce(usize) -> PyResult<Vec<u8>>,
) -> PyResult {
    if let Some(ba) = target.downcast_ref::<PyByteArray>() {
        let n = ba.value.borrow().len();
        let data = read(n)?;
        let mut buf = ba.value.borrow_mut();
        let k = data.len().min(buf.len());
        buf[..k].copy_from_slice(&data[..k]);
        return Ok(vm.new_int(k as i64));
    }
    if let Some(m) = target.downcast_ref::<crate::objects::memoryobject::PyMemoryView>() {
        if m.readonly() {
            return Err(vm.new_type_error(
                "readinto() argument must be read-write bytes-like object, not memoryview",
            ));
        }
        let n = m.simple_bytes(vm)?.len();
        let data = read(n)?;
        return Ok(vm.new_int(m.write_bytes(vm, &data)? as i64));
    }
    Err(vm.new_type_error(format!(
        "readinto() argument must be read-write bytes-like object, not {}",
        crate::python::args::arg_type_name(&target)
    )))
}

/// A path argument as a Rust string (`str`, `bytes` or `os.PathLike`).
pub fn fspath_os(vm: &VM, file: &PyObjectRef) -> PyResult<std::path::PathBuf> {
    use std::os::unix::ffi::OsStrExt;
    let os = |b: &[u8]| std::ffi::OsStr::from_bytes(b).into();
    if let Some(s) = file.downcast_ref::<PyStr>() {
        return Ok(os(&super::posixmodule::fs_encode(vm, s)?));
    }
    if let Some(b) = file.downcast_ref::<PyBytes>() {
        return Ok(os(b.as_bytes()));
    }
    if let Some(f) = vm.get_attr_opt_str(&file.class().clone().into_object(), "__fspath__")? {
        let r = vm.call(&f, &[file.clone()], None)?;
        if let Some(s) = r.downcast_ref::<PyStr>() {
            return Ok(os(&super::posixmodule::fs_encode(vm, s)?));
        }
        if let Some(b) = r.downcast_ref::<PyBytes>() {
            return Ok(os(b.as_bytes()));
        }
        return Err(vm.new_type_error(format!(
            "expected {}.__fspath__() to return str or bytes, not {}",
            file.class().name_string(),
            r.class().name_string()
        )));
    }
    Err(vm.new_type_error(format!(
        "expected str, bytes or os.PathLike object, not {}",
        file.class().name_string()
    )))
}

/// The `_io` module object (made on first use and kept in `sys.modules`,
/// where CPython has it from start-up too).
pub fn io_module(vm: &VM) -> PyResult<PyObjectRef> {
    if let Some(m) = vm.sys_modules.payload.get_str_name(vm, "_io") {
        if m.payload_is::<crate::objects::moduleobject::PyModule>() {
            return Ok(m);
        }
    }
    let m = make_module(vm)?;
    vm.sys_modules.payload.set_str(vm, "_io", m.clone());
    Ok(m)
}

/// One of `_io`'s types by name.
pub fn io_type(vm: &VM, name: &str) -> PyResult<PyTypeRef> {
    let m = io_module(vm)?;
    let t = m
        .downcast_ref::<crate::objects::moduleobject::PyModule>()
        .and_then(|m| m.dict.payload.get_str_name(vm, name));
    match t.map(|t| t.downcast::<PyType>()) {
        Some(Ok(t)) => Ok(t),
        _ => Err(vm.new_system_error(format!("_io.{name} is missing"))),
    }
}

// ----- _IOBase: generic methods over Python-level calls -------------------

fn is_closed(vm: &VM, o: &PyObjectRef) -> PyResult<bool> {
    let c = vm.get_attr(o, &vm.intern("closed"))?;
    vm.is_true(&c)
}

fn b_enter(vm: &VM, a: &[PyObjectRef], k: Option<&PyTupleRef>) -> PyResult {
    let a = args::positional(vm, "__enter__", a, k, 1, 1)?;
    if is_closed(vm, &a[0])? {
        return Err(closed_error(vm));
    }
    Ok(a[0].clone())
}

fn b_exit(vm: &VM, a: &[PyObjectRef], _k: Option<&PyTupleRef>) -> PyResult {
    vm.call_method(&a[0], "close", &[])
}

pub fn b_iter(vm: &VM, o: &PyObjectRef) -> PyResult {
    if is_closed(vm, o)? {
        return Err(closed_error(vm));
    }
    Ok(o.clone())
}

pub fn b_iternext(vm: &VM, o: &PyObjectRef) -> PyResult<Option<PyObjectRef>> {
    let line = vm.call_method(o, "readline", &[])?;
    if vm.len(&line)? == 0 {
        return Ok(None);
    }
    Ok(Some(line))
}

fn b_readlines(vm: &VM, a: &[PyObjectRef], k: Option<&PyTupleRef>) -> PyResult {
    let a = args::positional(vm, "readlines", a, k, 1, 2)?;
    let hint = size_arg(vm, a.get(1))?.filter(|&h| h > 0);
    let mut out = Vec::new();
    let mut total = 0usize;
    loop {
        let line = vm.call_method(&a[0], "readline", &[])?;
        let n = vm.len(&line)?;
        if n == 0 {
            break;
        }
        out.push(line);
        total += n;
        if hint.is_some_and(|h| total >= h) {
            break;
        }
    }
    Ok(vm.new_list(out).into_object())
}

fn b_writelines(vm: &VM, a: &[PyObjectRef], k: Option<&PyTupleRef>) -> PyResult {
    let a = args::positional(vm, "writelines", a, k, 2, 2)?;
    if is_closed(vm, &a[0])? {
        return Err(closed_error(vm));
    }
    let it = vm.get_iter(&a[1])?;
    while let Some(line) = vm.next(&it)? {
        vm.call_method(&a[0], "write", &[line])?;
    }
    Ok(vm.none())
}

fn b_false(vm: &VM, a: &[PyObjectRef], _k: Option<&PyTupleRef>) -> PyResult {
    if is_closed(vm, &a[0])? {
        return Err(closed_error(vm));
    }
    Ok(vm.new_bool(false))
}

fn b_fileno(vm: &VM, _a: &[PyObjectRef], _k: Option<&PyTupleRef>) -> PyResult {
    Err(unsupported(vm, "fileno"))
}

fn b_seek(vm: &VM, _a: &[PyObjectRef], _k: Option<&PyTupleRef>) -> PyResult {
    Err(unsupported(vm, "seek"))
}

fn b_truncate(vm: &VM, _a: &[PyObjectRef], _k: Option<&PyTupleRef>) -> PyResult {
    Err(unsupported(vm, "truncate"))
}

fn b_tell(vm: &VM, a: &[PyObjectRef], _k: Option<&PyTupleRef>) -> PyResult {
    vm.call_method(&a[0], "seek", &[vm.new_int(0), vm.new_int(1)])
}

fn b_flush(vm: &VM, a: &[PyObjectRef], _k: Option<&PyTupleRef>) -> PyResult {
    if is_closed(vm, &a[0])? {
        return Err(closed_error(vm));
    }
    Ok(vm.none())
}

fn b_closed(vm: &VM, _o: &PyObjectRef) -> PyResult {
    Ok(vm.new_bool(false))
}

fn b_close(vm: &VM, a: &[PyObjectRef], _k: Option<&PyTupleRef>) -> PyResult {
    vm.call_method(&a[0], "flush", &[])?;
    Ok(vm.none())
}

fn b_detach(vm: &VM, _a: &[PyObjectRef], _k: Option<&PyTupleRef>) -> PyResult {
    Err(unsupported(vm, "detach"))
}

fn b_none(vm: &VM, _o: &PyObjectRef) -> PyResult {
    Ok(vm.none())
}

/// `io.open_code(path)`: the file opened for reading as bytes.
fn open_code(vm: &VM, a: &[PyObjectRef], k: Option<&PyTupleRef>) -> PyResult {
    let [path] = args::bind(vm, "open_code", a, k, ["path"], 1, 0)?;
    let path = path.unwrap_or_else(|| vm.none());
    if !path.payload_is::<PyStr>() {
        return Err(vm.new_type_error(format!(
            "open_code() argument 'path' must be str, not {}",
            crate::python::args::arg_type_name(&path)
        )));
    }
    io_open(vm, &[path, vm.new_str_obj("rb")], None)
}

fn b_new(_vm: &VM, cls: &PyTypeRef, _a: &[PyObjectRef], _k: Option<&PyTupleRef>) -> PyResult {
    Ok(PyRef::new_with_type(PyIOBase, cls.clone()).into_object())
}

fn base_type(vm: &VM, name: &str, base: &PyTypeRef) -> PyTypeRef {
    let t = crate::vm::new_static_type::<PyIOBase>(
        &vm.types.type_type,
        name,
        Some(base),
        crate::objects::typeobject::flags::BASETYPE,
    );
    t.payload.slots.new.set(Some(b_new));
    vm.add_class_attr(&t, "__module__", vm.new_str_obj("_io"));
    t
}

/// Slots every concrete stream type needs (static types here don't inherit
/// slots from their static bases after start-up).
pub fn stream_slots(vm: &VM, t: &PyTypeRef) {
    t.payload.slots.iter.set(Some(b_iter));
    t.payload.slots.iternext.set(Some(b_iternext));
    vm.add_class_attr(t, "__module__", vm.new_str_obj("_io"));
}

// ----- open() ---------------------------------------------------------------

struct OpenMode {
    creating: bool,
    reading: bool,
    writing: bool,
    appending: bool,
    updating: bool,
    text: bool,
    binary: bool,
}

fn parse_open_mode(vm: &VM, mode: &str) -> PyResult<OpenMode> {
    let mut m = OpenMode {
        creating: false,
        reading: false,
        writing: false,
        appending: false,
        updating: false,
        text: false,
        binary: false,
    };
    let invalid = || {
        let r = rython_common::repr_str::repr_str(mode);
        vm.new_value_error(format!("invalid mode: {r}"))
    };
    for (i, c) in mode.char_indices() {
        if !"rwxabt+".contains(c) || mode[i + c.len_utf8()..].contains(c) {
            return Err(invalid());
        }
        match c {
            'x' => m.creating = true,
            'r' => m.reading = true,
            'w' => m.writing = true,
            'a' => m.appending = true,
            '+' => m.updating = true,
            't' => m.text = true,
            _ => m.binary = true,
        }
    }
    if m.text && m.binary {
        return Err(vm.new_value_error("can't have text and binary mode at once"));
    }
    let n = [m.creating, m.reading, m.writing, m.appending]
        .iter()
        .filter(|b| **b)
        .count();
    if n > 1 {
        return Err(vm.new_value_error("must have exactly one of create/read/write/append mode"));
    }
    if n == 0 {
        return Err(vm.new_value_error(
            "Must have exactly one of create/read/write/append mode and at most one plus",
        ));
    }
    Ok(m)
}

fn opt_str(vm: &VM, v: Option<PyObjectRef>, what: &str) -> PyResult<Option<String>> {
    match v {
        None => Ok(None),
        Some(v) if vm.is_none(&v) => Ok(None),
        Some(v) => match v.downcast_ref::<PyStr>() {
            Some(s) => Ok(Some(s.as_str().to_string())),
            None => Err(vm.new_type_error(format!(
                "open() argument '{what}' must be str or None, not {}",
                crate::python::args::arg_type_name(&v)
            ))),
        },
    }
}

pub fn io_open(vm: &VM, a: &[PyObjectRef], k: Option<&PyTupleRef>) -> PyResult {
    let [file, mode, buffering, encoding, errors, newline, closefd, opener] = args::bind(
        vm,
        "open",
        a,
        k,
        [
            "file",
            "mode",
            "buffering",
            "encoding",
            "errors",
            "newline",
            "closefd",
            "opener",
        ],
        1,
        0,
    )?;
    let file = file.unwrap_or_else(|| vm.none());
    let mode_s = match mode {
        None => "r".to_string(),
        Some(m) => match m.downcast_ref::<PyStr>() {
            Some(s) => s.as_str().to_string(),
            None => {
                return Err(vm.new_type_error(format!(
                    "open() argument 'mode' must be str, not {}",
                    crate::python::args::arg_type_name(&m)
                )))
            }
        },
    };
    let mut buffering = match buffering {
        Some(b) => vm.to_isize(&b, "")?,
        None => -1,
    };
    let encoding = opt_str(vm, encoding, "encoding")?;
    let errors = opt_str(vm, errors, "errors")?;
    let newline = opt_str(vm, newline, "newline")?;
    let closefd = match closefd {
        Some(c) => vm.is_true(&c)?,
        None => true,
    };
    if !file.payload_is::<crate::objects::longobject::PyInt>() {
        // Validates the type (and runs __fspath__) before touching the mode.
        fspath_os(vm, &file)?;
    }
    let m = parse_open_mode(vm, &mode_s)?;
    if m.binary {
        if encoding.is_some() {
            return Err(vm.new_value_error("binary mode doesn't take an encoding argument"));
        }
        if errors.is_some() {
            return Err(vm.new_value_error("binary mode doesn't take an errors argument"));
        }
        if newline.is_some() {
            return Err(vm.new_value_error("binary mode doesn't take a newline argument"));
        }
    }
    if let Some(nl) = &newline {
        if !matches!(nl.as_str(), "" | "\n" | "\r" | "\r\n") {
            let r = nl;
            return Err(vm.new_value_error(format!("illegal newline value: {r}")));
        }
    }
    let mut rawmode = String::new();
    if m.creating {
        rawmode.push('x');
    }
    if m.reading {
        rawmode.push('r');
    }
    if m.writing {
        rawmode.push('w');
    }
    if m.appending {
        rawmode.push('a');
    }
    if m.updating {
        rawmode.push('+');
    }
    let fio = io_type(vm, "FileIO")?;
    let raw = super::io_file::fileio_open(vm, &fio, &file, &rawmode, closefd, opener)?;
    let result = (|| -> PyResult {
        let mut line_buffering = false;
        let isatty = raw
            .downcast_ref::<super::io_file::PyFileIO>()
            .is_some_and(|f| f.isatty());
        if buffering == 1 || (buffering < 0 && isatty) {
            buffering = -1;
            line_buffering = true;
        }
        if buffering < 0 {
            buffering = DEFAULT_BUFFER_SIZE as i64;
        }
        if buffering == 0 {
            if m.binary {
                return Ok(raw.clone());
            }
            return Err(vm.new_value_error("can't have unbuffered text I/O"));
        }
        let kind = if m.updating {
            super::io_buffered::Kind::Random
        } else if m.writing || m.creating || m.appending {
            super::io_buffered::Kind::Writer
        } else {
            super::io_buffered::Kind::Reader
        };
        let buffer = super::io_buffered::new_buffered(vm, kind, raw.clone(), buffering as usize)?;
        if m.binary {
            return Ok(buffer);
        }
        let text = super::io_text::new_text(
            vm,
            buffer,
            encoding.as_deref(),
            errors.as_deref(),
            newline.as_deref().map(Some),
            line_buffering,
            false,
        )?;
        if let Some(t) = text.downcast_ref::<super::io_text::PyTextIO>() {
            *t.mode.borrow_mut() = Some(vm.new_str_obj(mode_s.as_str()));
        }
        Ok(text)
    })();
    if result.is_err() {
        let _ = vm.call_method(&raw, "close", &[]);
    }
    result
}

fn text_encoding(vm: &VM, a: &[PyObjectRef], k: Option<&PyTupleRef>) -> PyResult {
    let a = args::positional(vm, "text_encoding", a, k, 1, 2)?;
    if vm.is_none(&a[0]) {
        return Ok(vm.new_str_obj("locale"));
    }
    Ok(a[0].clone())
}

pub fn make_module(vm: &VM) -> PyResult<PyObjectRef> {
    let m = vm.new_module(
        "_io",
        Some("The io module provides the Python interfaces to stream handling."),
    );
    let d = &m.payload.dict.payload;
    let mo = m.clone().into_object();
    let iobase = base_type(vm, "_IOBase", &vm.types.object_type);
    vm.add_method(&iobase, "__enter__", b_enter);
    vm.add_method(&iobase, "__exit__", b_exit);
    vm.add_method(&iobase, "readlines", b_readlines);
    vm.add_method(&iobase, "writelines", b_writelines);
    vm.add_method(&iobase, "readable", b_false);
    vm.add_method(&iobase, "writable", b_false);
    vm.add_method(&iobase, "seekable", b_false);
    vm.add_method(&iobase, "isatty", b_false);
    vm.add_method(&iobase, "fileno", b_fileno);
    vm.add_method(&iobase, "seek", b_seek);
    vm.add_method(&iobase, "tell", b_tell);
    vm.add_method(&iobase, "truncate", b_truncate);
    vm.add_method(&iobase, "flush", b_flush);
    vm.add_method(&iobase, "close", b_close);
    vm.add_getset(&iobase, "closed", b_closed, None);
    stream_slots(vm, &iobase);
    let raw_base = base_type(vm, "_RawIOBase", &iobase);
    let buf_base = base_type(vm, "_BufferedIOBase", &iobase);
    let text_base = base_type(vm, "_TextIOBase", &iobase);
    for t in [&raw_base, &buf_base, &text_base] {
        stream_slots(vm, t);
    }
    vm.add_method(&text_base, "detach", b_detach);
    vm.add_method(&buf_base, "detach", b_detach);
    vm.add_getset(&text_base, "encoding", b_none, None);
    vm.add_getset(&text_base, "errors", b_none, None);
    vm.add_getset(&text_base, "newlines", b_none, None);
    let fileio = super::io_file::make_type(vm, &raw_base);
    stream_slots(vm, &fileio);
    let buffered = super::io_buffered::make_types(vm, &buf_base);
    let text = super::io_text::make_type(vm, &text_base);
    let (sio, bio) = super::io_memory::make_types(vm, &text_base, &buf_base);
    for t in [
        &iobase, &raw_base, &buf_base, &text_base, &fileio, &text, &sio, &bio,
    ]
    .into_iter()
    .chain(buffered.iter())
    {
        crate::objects::typeobject::typeobject_wrappers::ready_static_type(vm, t);
        d.set_str(vm, &t.name_string(), t.clone().into_object());
    }
    // UnsupportedOperation inherits from both OSError and ValueError.
    let bases = vm.new_tuple(vec![
        vm.types.exc.os_error.clone().into_object(),
        vm.types.exc.value_error.clone().into_object(),
    ]);
    let ns = vm.new_dict();
    ns.payload.set_str(vm, "__module__", vm.new_str_obj("io"));
    let uo = vm.call(
        &vm.types.type_type.clone().into_object(),
        &[
            vm.new_str_obj("UnsupportedOperation"),
            bases.into_object(),
            ns.into_object(),
        ],
        None,
    )?;
    d.set_str(vm, "UnsupportedOperation", uo);
    d.set_str(
        vm,
        "BlockingIOError",
        vm.types.exc.blocking_io_error.clone().into_object(),
    );
    d.set_str(
        vm,
        "DEFAULT_BUFFER_SIZE",
        vm.new_int(DEFAULT_BUFFER_SIZE as i64),
    );
    vm.add_function(d, &mo, "open", io_open);
    vm.add_function(d, &mo, "text_encoding", text_encoding);
    vm.add_function(d, &mo, "open_code", open_code);
    // `builtins.open is io.open`, as in CPython.
    if let Some(f) = d.get_str_name(vm, "open") {
        vm.builtins.payload.set_str(vm, "open", f);
    }
    Ok(mo)
}

/// The public `io` module: `_io`'s names plus the ABC names and SEEK_*.
pub fn make_io_module(vm: &VM) -> PyResult<PyObjectRef> {
    let src = io_module(vm)?;
    let m = vm.new_module(
        "io",
        Some("The io module provides the Python interfaces to stream handling."),
    );
    let d = &m.payload.dict.payload;
    let names = [
        "open",
        "open_code",
        "text_encoding",
        "FileIO",
        "BufferedReader",
        "BufferedWriter",
        "BufferedRandom",
        "BufferedRWPair",
        "TextIOWrapper",
        "StringIO",
        "BytesIO",
        "UnsupportedOperation",
        "BlockingIOError",
        "DEFAULT_BUFFER_SIZE",
    ];
    if let Some(sm) = src.downcast_ref::<crate::objects::moduleobject::PyModule>() {
        for n in names {
            if let Some(v) = sm.dict.payload.get_str_name(vm, n) {
                d.set_str(vm, n, v);
            }
        }
        for (pub_name, priv_name) in [
            ("IOBase", "_IOBase"),
            ("RawIOBase", "_RawIOBase"),
            ("BufferedIOBase", "_BufferedIOBase"),
            ("TextIOBase", "_TextIOBase"),
        ] {
            if let Some(v) = sm.dict.payload.get_str_name(vm, priv_name) {
                d.set_str(vm, pub_name, v);
            }
        }
    }
    d.set_str(vm, "SEEK_SET", vm.new_int(0));
    d.set_str(vm, "SEEK_CUR", vm.new_int(1));
    d.set_str(vm, "SEEK_END", vm.new_int(2));
    Ok(m.into_object())
}
