//! `_io.FileIO`: the raw, unbuffered layer over an OS file (CPython's
//! Modules/_io/fileio.c). Standard descriptors 0-2 go through Rust's
//! std handles because wrapping an arbitrary descriptor needs `unsafe`;
//! other inherited descriptors are reopened through `/dev/fd/N`.

use std::cell::{Cell, RefCell};
use std::io::{Read, Seek, SeekFrom, Write};

use super::iomodule::{check_closed_flag, io_type, os_error_from, unsupported};
use crate::object::{PyObjectRef, PyPayload, PyRef, PyTypeRef};
use crate::objects::tupleobject::PyTupleRef;
use crate::python::args;
use crate::{PyResult, VM};

pub enum RawFile {
    File(std::fs::File),
    Stdin,
    Stdout,
    Stderr,
}

pub struct PyFileIO {
    pub file: RefCell<Option<RawFile>>,
    pub readable: bool,
    pub writable: bool,
    pub appending: bool,
    pub created: bool,
    pub closefd: bool,
    pub fd: i64,
    pub name: RefCell<PyObjectRef>,
    pub closed: Cell<bool>,
}

impl PyPayload for PyFileIO {
    fn class(vm: &VM) -> &PyTypeRef {
        // Instances are always allocated with an explicit type.
        &vm.types.object_type
    }
}

impl PyFileIO {
    pub fn mode_str(&self) -> &'static str {
        match (self.created, self.appending, self.readable, self.writable) {
            (true, _, true, _) => "xb+",
            (true, _, false, _) => "xb",
            (_, true, true, _) => "ab+",
            (_, true, false, _) => "ab",
            (_, _, true, true) => "rb+",
            (_, _, true, false) => "rb",
            _ => "wb",
        }
    }

    /// One `read(2)` of at most `n` bytes (`None`: everything up to EOF,
    /// retrying interrupted reads).
    pub fn read(&self, n: Option<usize>) -> std::io::Result<Vec<u8>> {
        let mut out = Vec::new();
        match n {
            None => loop {
                match self.read_append(&mut out) {
                    Ok(0) => break,
                    Ok(_) => {}
                    Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                    Err(e) => return Err(e),
                }
            },
            // A raw read may return fewer bytes than asked; capping the
            // buffer keeps read(10**12) from aborting on allocation.
            Some(n) => {
                out.resize(n.min(1 << 22), 0);
                let k = self.read_into(&mut out)?;
                out.truncate(k);
            }
        }
        Ok(out)
    }

    /// One `read(2)` into `buf`.
    fn read_into(&self, buf: &mut [u8]) -> std::io::Result<usize> {
        let mut g = self.file.borrow_mut();
        match g.as_mut() {
            Some(RawFile::File(f)) => f.read(buf),
            Some(RawFile::Stdin) => std::io::stdin().lock().read(buf),
            _ => Err(std::io::Error::from_raw_os_error(9)),
        }
    }

    /// Appends one read's worth (a chunk growing with `out`) to `out`;
    /// `Ok(0)` at end of file.
    fn read_append(&self, out: &mut Vec<u8>) -> std::io::Result<usize> {
        let start = out.len();
        let chunk = start.clamp(8192, 1 << 24);
        out.resize(start + chunk, 0);
        let r = self.read_into(&mut out[start..]);
        out.truncate(start + *r.as_ref().unwrap_or(&0));
        r
    }

    /// `read` for Python callers: an interrupted read runs the signal
    /// handlers and goes on unless one raised (PEP 475); `readall` keeps
    /// what it read so far across interruptions.
    pub fn read_checked(&self, vm: &VM, n: Option<usize>) -> PyResult<Vec<u8>> {
        let interrupted = |e: &std::io::Error| e.kind() == std::io::ErrorKind::Interrupted;
        match n {
            Some(_) => loop {
                match self.read(n) {
                    Ok(d) => return Ok(d),
                    Err(e) if interrupted(&e) => super::signalmodule::check_signals(vm)?,
                    Err(e) => return Err(os_error_from(vm, &e, None)),
                }
            },
            None => {
                let mut out = Vec::new();
                loop {
                    match self.read_append(&mut out) {
                        Ok(0) => return Ok(out),
                        Ok(_) => {}
                        Err(e) if interrupted(&e) => super::signalmodule::check_signals(vm)?,
                        Err(e) => return Err(os_error_from(vm, &e, None)),
                    }
                }
            }
        }
    }

    pub fn write(&self, data: &[u8]) -> std::io::Result<usize> {
        let mut g = self.file.borrow_mut();
        match g.as_mut() {
            Some(RawFile::File(f)) => f.write(data),
            Some(RawFile::Stdout) => {
                let mut o = std::io::stdout().lock();
                o.write_all(data)?;
                o.flush()?;
                Ok(data.len())
            }
            Some(RawFile::Stderr) => {
                let mut o = std::io::stderr().lock();
                o.write_all(data)?;
                o.flush()?;
                Ok(data.len())
            }
            _ => Err(std::io::Error::from_raw_os_error(9)),
        }
    }

    pub fn seek(&self, pos: SeekFrom) -> std::io::Result<u64> {
        match self.file.borrow_mut().as_mut() {
            Some(RawFile::File(f)) => f.seek(pos),
            // A terminal or pipe: ESPIPE, as lseek reports.
            _ => Err(std::io::Error::from_raw_os_error(29)),
        }
    }

    pub fn is_seekable(&self) -> bool {
        match self.file.borrow_mut().as_mut() {
            Some(RawFile::File(f)) => f.stream_position().is_ok(),
            _ => false,
        }
    }

    pub fn isatty(&self) -> bool {
        use std::io::IsTerminal;
        match self.file.borrow().as_ref() {
            Some(RawFile::File(f)) => f.is_terminal(),
            Some(RawFile::Stdin) => std::io::stdin().is_terminal(),
            Some(RawFile::Stdout) => std::io::stdout().is_terminal(),
            Some(RawFile::Stderr) => std::io::stderr().is_terminal(),
            None => false,
        }
    }
}

pub fn fileio(vm: &VM, o: &PyObjectRef) -> PyResult<PyRef<PyFileIO>> {
    o.clone().downcast::<PyFileIO>().map_err(|o| {
        vm.new_type_error(format!(
            "descriptor requires a '_io.FileIO' object but received a '{}'",
            o.class().name_string()
        ))
    })
}

fn open_fd(fd: i64, read: bool, write: bool, append: bool) -> std::io::Result<RawFile> {
    match fd {
        0 => Ok(RawFile::Stdin),
        1 => Ok(RawFile::Stdout),
        2 => Ok(RawFile::Stderr),
        _ => {
            let mut o = std::fs::OpenOptions::new();
            o.read(read).write(write && !append).append(append);
            Ok(RawFile::File(o.open(format!("/dev/fd/{fd}"))?))
        }
    }
}

/// Parsed `FileIO` mode (`rwxa+`, `b` allowed).
struct RawMode {
    readable: bool,
    writable: bool,
    appending: bool,
    created: bool,
    truncate: bool,
}

fn parse_raw_mode(vm: &VM, mode: &str) -> PyResult<RawMode> {
    let mut m = RawMode {
        readable: false,
        writable: false,
        appending: false,
        created: false,
        truncate: false,
    };
    let mut rwa = false;
    let mut plus = false;
    let bad = || vm.new_value_error(format!("invalid mode: {mode}"));
    for c in mode.chars() {
        match c {
            'x' | 'r' | 'w' | 'a' => {
                if rwa {
                    return Err(vm.new_value_error(
                        "Must have exactly one of create/read/write/append mode and at most one plus",
                    ));
                }
                rwa = true;
                match c {
                    'x' => {
                        m.created = true;
                        m.writable = true;
                    }
                    'r' => m.readable = true,
                    'w' => {
                        m.writable = true;
                        m.truncate = true;
                    }
                    _ => {
                        m.writable = true;
                        m.appending = true;
                    }
                }
            }
            '+' => {
                if plus {
                    return Err(vm.new_value_error(
                        "Must have exactly one of create/read/write/append mode and at most one plus",
                    ));
                }
                m.readable = true;
                m.writable = true;
                plus = true;
            }
            'b' => {}
            _ => return Err(bad()),
        }
    }
    if !rwa {
        return Err(vm.new_value_error(
            "Must have exactly one of create/read/write/append mode and at most one plus",
        ));
    }
    Ok(m)
}

/// Opens `file` (a path or descriptor) as a raw `FileIO` of type `cls`.
pub fn fileio_open(
    vm: &VM,
    cls: &PyTypeRef,
    file: &PyObjectRef,
    mode: &str,
    closefd: bool,
    opener: Option<PyObjectRef>,
) -> PyResult<PyObjectRef> {
    let m = parse_raw_mode(vm, mode)?;
    // A descriptor must fit a C int; a bigger int is taken for a path (and
    // refused as one), as CPython's FileIO does.
    let as_fd = file
        .downcast_ref::<crate::objects::longobject::PyInt>()
        .and_then(|i| i.as_i64())
        .filter(|v| i32::try_from(*v).is_ok());
    let (raw, fd, name) = if let Some(fd) = as_fd {
        if fd < 0 {
            return Err(vm.new_value_error("negative file descriptor"));
        }
        if !closefd && fd > 2 {
            // Reopening keeps the caller's descriptor open either way.
        }
        let raw = open_fd(fd, m.readable, m.writable, m.appending).map_err(|e| {
            // /dev/fd/N of a descriptor that is not open: EBADF, as fstat
            // reports it.
            let e = if e.kind() == std::io::ErrorKind::NotFound {
                std::io::Error::from_raw_os_error(9)
            } else {
                e
            };
            os_error_from(vm, &e, None)
        })?;
        (raw, fd, file.clone())
    } else {
        if !closefd {
            return Err(vm.new_value_error("Cannot use closefd=False with file name"));
        }
        let path = super::iomodule::fspath_os(vm, file)?;
        {
            use std::os::unix::ffi::OsStrExt;
            if path.as_os_str().as_bytes().contains(&0) {
                return Err(vm.new_value_error("embedded null byte"));
            }
        }
        let raw = if let Some(op) = opener.filter(|o| !vm.is_none(o)) {
            let mut flags: i64 = match (m.readable, m.writable) {
                (true, true) => 2,
                (false, true) => 1,
                _ => 0,
            };
            if m.created {
                flags |= 0o100 | 0o200;
            }
            if m.truncate {
                flags |= 0o100 | 0o1000;
            }
            if m.appending {
                flags |= 0o100 | 0o2000;
            }
            flags |= 0o2000000;
            let fdo = vm.call(&op, &[file.clone(), vm.new_int(flags)], None)?;
            if !fdo.payload_is::<crate::objects::longobject::PyInt>() {
                return Err(vm.new_type_error("expected integer from opener"));
            }
            let fd = vm.to_isize(&fdo, "")?;
            if fd < 0 {
                return Err(vm.new_value_error(format!("opener returned {fd}")));
            }
            open_fd(fd, m.readable, m.writable, m.appending)
                .map_err(|e| os_error_from(vm, &e, Some(file.clone())))?
        } else {
            let mut o = std::fs::OpenOptions::new();
            o.read(m.readable);
            if m.appending {
                o.append(true).create(true);
            } else if m.writable {
                o.write(true);
            }
            if m.created {
                o.create_new(true);
            } else if m.truncate {
                o.create(true).truncate(true);
            }
            let f = o
                .open(&path)
                .map_err(|e| os_error_from(vm, &e, Some(file.clone())))?;
            if f.metadata().map(|md| md.is_dir()).unwrap_or(false) {
                return Err(os_error_from(
                    vm,
                    &std::io::Error::from_raw_os_error(21),
                    Some(file.clone()),
                ));
            }
            RawFile::File(f)
        };
        let fd = match &raw {
            RawFile::File(f) => {
                use std::os::unix::io::AsRawFd;
                f.as_raw_fd() as i64
            }
            RawFile::Stdin => 0,
            RawFile::Stdout => 1,
            RawFile::Stderr => 2,
        };
        (raw, fd, file.clone())
    };
    let mut raw = raw;
    if m.appending {
        // CPython seeks to the end at once, so tell() is the size before
        // the first write (a pipe cannot seek: that is not an error).
        if let RawFile::File(f) = &mut raw {
            if let Err(e) = f.seek(SeekFrom::End(0)) {
                if e.raw_os_error() != Some(29) {
                    return Err(os_error_from(vm, &e, Some(file.clone())));
                }
            }
        }
    }
    let obj = PyRef::new_with_type(
        PyFileIO {
            file: RefCell::new(Some(raw)),
            readable: m.readable,
            writable: m.writable,
            appending: m.appending,
            created: m.created,
            closefd,
            fd,
            name: RefCell::new(name),
            closed: Cell::new(false),
        },
        cls.clone(),
    );
    Ok(obj.into_object())
}

/// A FileIO over one of the standard descriptors, named like CPython's
/// (`<stdout>`...).
pub fn std_fileio(vm: &VM, fd: i64) -> PyResult<PyObjectRef> {
    let cls = io_type(vm, "FileIO")?;
    let (raw, name, r, w) = match fd {
        0 => (RawFile::Stdin, "<stdin>", true, false),
        1 => (RawFile::Stdout, "<stdout>", false, true),
        _ => (RawFile::Stderr, "<stderr>", false, true),
    };
    Ok(PyRef::new_with_type(
        PyFileIO {
            file: RefCell::new(Some(raw)),
            readable: r,
            writable: w,
            appending: false,
            created: false,
            closefd: false,
            fd,
            name: RefCell::new(vm.new_str_obj(name)),
            closed: Cell::new(false),
        },
        cls,
    )
    .into_object())
}

fn f_new(vm: &VM, cls: &PyTypeRef, a: &[PyObjectRef], k: Option<&PyTupleRef>) -> PyResult {
    let [file, mode, closefd, opener] = args::bind(
        vm,
        "FileIO",
        a,
        k,
        ["file", "mode", "closefd", "opener"],
        1,
        0,
    )?;
    let mode = match mode {
        Some(m) => vm.str(&m)?.payload.as_str().to_string(),
        None => "r".to_string(),
    };
    let closefd = match closefd {
        Some(c) => vm.is_true(&c)?,
        None => true,
    };
    let file = file.unwrap_or_else(|| vm.none());
    fileio_open(vm, cls, &file, &mode, closefd, opener)
}

fn open_self(vm: &VM, o: &PyObjectRef) -> PyResult<PyRef<PyFileIO>> {
    let f = fileio(vm, o)?;
    check_closed_flag(vm, f.payload.closed.get())?;
    Ok(f)
}

fn f_read(vm: &VM, a: &[PyObjectRef], k: Option<&PyTupleRef>) -> PyResult {
    let a = args::positional(vm, "read", a, k, 1, 2)?;
    let f = open_self(vm, &a[0])?;
    if !f.payload.readable {
        return Err(unsupported(vm, "File not open for reading"));
    }
    let n = super::iomodule::size_arg(vm, a.get(1))?;
    let data = f.payload.read_checked(vm, n)?;
    Ok(vm.new_bytes(data))
}

fn f_readinto(vm: &VM, a: &[PyObjectRef], k: Option<&PyTupleRef>) -> PyResult {
    let a = args::positional(vm, "readinto", a, k, 2, 2)?;
    let f = open_self(vm, &a[0])?;
    if !f.payload.readable {
        return Err(unsupported(vm, "File not open for reading"));
    }
    super::iomodule::readinto_with(vm, &a[1], |n| f.payload.read_checked(vm, Some(n)))
}

fn f_readall(vm: &VM, a: &[PyObjectRef], k: Option<&PyTupleRef>) -> PyResult {
    let a = args::positional(vm, "readall", a, k, 1, 1)?;
    let f = open_self(vm, &a[0])?;
    if !f.payload.readable {
        return Err(unsupported(vm, "File not open for reading"));
    }
    let data = f.payload.read_checked(vm, None)?;
    Ok(vm.new_bytes(data))
}

fn f_write(vm: &VM, a: &[PyObjectRef], k: Option<&PyTupleRef>) -> PyResult {
    let a = args::positional(vm, "write", a, k, 2, 2)?;
    let f = open_self(vm, &a[0])?;
    if !f.payload.writable {
        return Err(unsupported(vm, "File not open for writing"));
    }
    let data = super::iomodule::bytes_like(vm, &a[1])?;
    let n = f
        .payload
        .write(&data)
        .map_err(|e| os_error_from(vm, &e, None))?;
    Ok(vm.new_int(n as i64))
}

pub fn whence_seek(vm: &VM, off: i64, whence: i64) -> PyResult<SeekFrom> {
    Ok(match whence {
        0 => {
            if off < 0 {
                return Err(vm.new_value_error(format!("negative seek position {off}")));
            }
            SeekFrom::Start(off as u64)
        }
        1 => SeekFrom::Current(off),
        2 => SeekFrom::End(off),
        _ => {
            return Err(
                vm.new_value_error(format!("invalid whence ({whence}, should be 0, 1 or 2)"))
            )
        }
    })
}

fn f_seek(vm: &VM, a: &[PyObjectRef], k: Option<&PyTupleRef>) -> PyResult {
    let a = args::positional(vm, "seek", a, k, 2, 3)?;
    let f = open_self(vm, &a[0])?;
    let off = vm.to_isize(&a[1], "")?;
    let wh = match a.get(2) {
        Some(w) => vm.to_isize(w, "")?,
        None => 0,
    };
    let pos = whence_seek(vm, off, wh)?;
    let r = f
        .payload
        .seek(pos)
        .map_err(|e| os_error_from(vm, &e, None))?;
    Ok(vm.new_int(r as i64))
}

fn f_tell(vm: &VM, a: &[PyObjectRef], k: Option<&PyTupleRef>) -> PyResult {
    let a = args::positional(vm, "tell", a, k, 1, 1)?;
    let f = open_self(vm, &a[0])?;
    let r = f
        .payload
        .seek(SeekFrom::Current(0))
        .map_err(|e| os_error_from(vm, &e, None))?;
    Ok(vm.new_int(r as i64))
}

fn f_truncate(vm: &VM, a: &[PyObjectRef], k: Option<&PyTupleRef>) -> PyResult {
    let a = args::positional(vm, "truncate", a, k, 1, 2)?;
    let f = open_self(vm, &a[0])?;
    if !f.payload.writable {
        return Err(unsupported(vm, "File not open for writing"));
    }
    let size = match a.get(1).filter(|s| !vm.is_none(s)) {
        Some(s) => vm.to_isize(s, "")?,
        None => f
            .payload
            .seek(SeekFrom::Current(0))
            .map_err(|e| os_error_from(vm, &e, None))? as i64,
    };
    if let Some(RawFile::File(file)) = f.payload.file.borrow().as_ref() {
        file.set_len(size.max(0) as u64)
            .map_err(|e| os_error_from(vm, &e, None))?;
    }
    Ok(vm.new_int(size))
}

fn f_close(vm: &VM, a: &[PyObjectRef], k: Option<&PyTupleRef>) -> PyResult {
    let a = args::positional(vm, "close", a, k, 1, 1)?;
    let f = fileio(vm, &a[0])?;
    if !f.payload.closed.get() {
        f.payload.closed.set(true);
        // Dropping the std::fs::File closes the descriptor; the standard
        // streams stay open unless closefd asks otherwise.
        let taken = f.payload.file.borrow_mut().take();
        drop(taken);
    }
    Ok(vm.none())
}

fn f_fileno(vm: &VM, a: &[PyObjectRef], k: Option<&PyTupleRef>) -> PyResult {
    let a = args::positional(vm, "fileno", a, k, 1, 1)?;
    let f = open_self(vm, &a[0])?;
    Ok(vm.new_int(f.payload.fd))
}

fn f_isatty(vm: &VM, a: &[PyObjectRef], k: Option<&PyTupleRef>) -> PyResult {
    let a = args::positional(vm, "isatty", a, k, 1, 1)?;
    let f = open_self(vm, &a[0])?;
    Ok(vm.new_bool(f.payload.isatty()))
}

fn f_readable(vm: &VM, a: &[PyObjectRef], k: Option<&PyTupleRef>) -> PyResult {
    let a = args::positional(vm, "readable", a, k, 1, 1)?;
    Ok(vm.new_bool(open_self(vm, &a[0])?.payload.readable))
}

fn f_writable(vm: &VM, a: &[PyObjectRef], k: Option<&PyTupleRef>) -> PyResult {
    let a = args::positional(vm, "writable", a, k, 1, 1)?;
    Ok(vm.new_bool(open_self(vm, &a[0])?.payload.writable))
}

fn f_seekable(vm: &VM, a: &[PyObjectRef], k: Option<&PyTupleRef>) -> PyResult {
    let a = args::positional(vm, "seekable", a, k, 1, 1)?;
    Ok(vm.new_bool(open_self(vm, &a[0])?.payload.is_seekable()))
}

fn f_flush(vm: &VM, a: &[PyObjectRef], k: Option<&PyTupleRef>) -> PyResult {
    let a = args::positional(vm, "flush", a, k, 1, 1)?;
    open_self(vm, &a[0])?;
    Ok(vm.none())
}

fn g_closed(vm: &VM, o: &PyObjectRef) -> PyResult {
    Ok(vm.new_bool(fileio(vm, o)?.payload.closed.get()))
}

fn g_closefd(vm: &VM, o: &PyObjectRef) -> PyResult {
    Ok(vm.new_bool(fileio(vm, o)?.payload.closefd))
}

fn g_mode(vm: &VM, o: &PyObjectRef) -> PyResult {
    Ok(vm.new_str_obj(fileio(vm, o)?.payload.mode_str()))
}

fn g_name(vm: &VM, o: &PyObjectRef) -> PyResult {
    Ok(fileio(vm, o)?.payload.name.borrow().clone())
}

fn f_repr(vm: &VM, o: &PyObjectRef) -> PyResult {
    let f = fileio(vm, o)?;
    let tn = o.class().name_string();
    if f.payload.closed.get() {
        return Ok(vm.new_str_obj(format!("<_io.{tn} [closed]>")));
    }
    let name = f.payload.name.borrow().clone();
    let nr = vm.repr(&name)?;
    Ok(vm.new_str_obj(format!(
        "<_io.{tn} name={} mode='{}' closefd={}>",
        nr.payload.as_str(),
        f.payload.mode_str(),
        if f.payload.closefd { "True" } else { "False" }
    )))
}

pub fn make_type(vm: &VM, base: &PyTypeRef) -> PyTypeRef {
    let t = crate::vm::new_static_type::<PyFileIO>(
        &vm.types.type_type,
        "FileIO",
        Some(base),
        crate::objects::typeobject::flags::BASETYPE,
    );
    t.payload.slots.new.set(Some(f_new));
    t.payload.slots.repr.set(Some(f_repr));
    vm.add_method(&t, "read", f_read);
    vm.add_method(&t, "readall", f_readall);
    vm.add_method(&t, "readinto", f_readinto);
    vm.add_method(&t, "write", f_write);
    vm.add_method(&t, "seek", f_seek);
    vm.add_method(&t, "tell", f_tell);
    vm.add_method(&t, "truncate", f_truncate);
    vm.add_method(&t, "close", f_close);
    vm.add_method(&t, "fileno", f_fileno);
    vm.add_method(&t, "isatty", f_isatty);
    vm.add_method(&t, "readable", f_readable);
    vm.add_method(&t, "writable", f_writable);
    vm.add_method(&t, "seekable", f_seekable);
    vm.add_method(&t, "flush", f_flush);
    vm.add_getset(&t, "closed", g_closed, None);
    vm.add_getset(&t, "closefd", g_closefd, None);
    vm.add_getset(&t, "mode", g_mode, None);
    vm.add_getset(&t, "name", g_name, None);
    t
}
