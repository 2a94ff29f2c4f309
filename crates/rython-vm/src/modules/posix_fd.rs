//! Descriptor calls of `posix` (`open`, `read`, `write`, `close`,
//! `fstat`, `isatty`, `get_terminal_size`). Turning a bare descriptor
//! number into a `File` needs `unsafe`, so descriptors made by
//! `posix.open` live in a per-thread table of `File`s; 0-2 go through the
//! std handles and others are reached through `/dev/fd/N`.

use std::cell::RefCell;
use std::collections::HashMap;
use std::fs::{File, Metadata};
use std::io::{Read, Write};
use std::os::fd::AsRawFd;
use std::os::unix::fs::OpenOptionsExt;

use super::posixmodule::{
    errno_error, helper, int_arg, os_error, stat_tuple, to_path, Kw, MAKE_STAT, TERMINAL_SIZE,
};
use crate::object::PyObjectRef;
use crate::python::args;
use crate::{PyResult, VM};

thread_local! {
    static FDS: RefCell<HashMap<i64, File>> = RefCell::new(HashMap::new());
}

pub(super) fn fd_metadata(fd: i64) -> std::io::Result<Metadata> {
    let known = FDS.with(|t| t.borrow().get(&fd).map(|f| f.metadata()));
    match known {
        Some(r) => r,
        None if fd < 0 => Err(std::io::Error::from_raw_os_error(9)),
        None => std::fs::metadata(format!("/proc/self/fd/{fd}"))
            .map_err(|_| std::io::Error::from_raw_os_error(9)),
    }
}

pub(super) fn fstat(vm: &VM, a: &[PyObjectRef], k: Kw) -> PyResult {
    let [fd] = args::bind(vm, "fstat", a, k, ["fd"], 1, 0)?;
    let fd = fd_arg(vm, fd.as_ref())?;
    let m = fd_metadata(fd).map_err(|e| os_error(vm, &e, None, None))?;
    helper(vm, MAKE_STAT, &[stat_tuple(vm, &m)])
}

pub(super) fn fd_arg(vm: &VM, o: Option<&PyObjectRef>) -> PyResult<i64> {
    let o = o.ok_or_else(|| vm.new_type_error("missing file descriptor"))?;
    if o.payload_is::<crate::objects::floatobject::PyFloat>() {
        return Err(vm.new_type_error("'float' object cannot be interpreted as an integer"));
    }
    vm.to_isize(o, "")
}

pub(super) const O_ACCMODE: i64 = 3;

pub(super) const O_CREAT: i64 = 0o100;

pub(super) const O_TRUNC: i64 = 0o1000;

pub(super) const O_APPEND: i64 = 0o2000;

pub(super) fn open(vm: &VM, a: &[PyObjectRef], k: Kw) -> PyResult {
    let [p, flags, mode, dir_fd] =
        args::bind(vm, "open", a, k, ["path", "flags", "mode", "dir_fd"], 2, 0)?;
    let p = to_path(vm, "open", "path", &p.unwrap_or_else(|| vm.none()))?;
    let p = super::posixmodule::at(vm, p, &dir_fd)?;
    let flags = int_arg(vm, flags.as_ref(), 0)?;
    let mode = int_arg(vm, mode.as_ref(), 0o777)?;
    let mut o = std::fs::OpenOptions::new();
    let acc = flags & O_ACCMODE;
    o.read(acc == 0 || acc == 2);
    o.write(acc == 1 || acc == 2);
    if flags & O_APPEND != 0 {
        o.append(true);
    }
    // Creation flags go in raw: std refuses O_CREAT without write access.
    o.custom_flags((flags & !(O_ACCMODE | O_APPEND)) as i32);
    o.mode((mode & 0o7777) as u32);
    if flags & (O_CREAT | O_TRUNC) != 0 && acc == 0 {
        o.read(true);
    }
    let f = o
        .open(&p.path)
        .map_err(|e| os_error(vm, &e, Some(&p.obj), None))?;
    let fd = f.as_raw_fd() as i64;
    FDS.with(|t| t.borrow_mut().insert(fd, f));
    Ok(vm.new_int(fd))
}

pub(super) fn close(vm: &VM, a: &[PyObjectRef], k: Kw) -> PyResult {
    let [fd] = args::bind(vm, "close", a, k, ["fd"], 1, 0)?;
    let fd = fd_arg(vm, fd.as_ref())?;
    match FDS.with(|t| t.borrow_mut().remove(&fd)) {
        Some(f) => drop(f),
        None if (0..=2).contains(&fd) => {}
        None => return Err(errno_error(vm, 9, None)),
    }
    Ok(vm.none())
}

/// Runs `op` on descriptor `fd`: a table file, the std handles, or a
/// `/dev/fd/N` reopening for descriptors made elsewhere.
pub(super) fn with_fd<T>(
    vm: &VM,
    fd: i64,
    write: bool,
    op: &mut dyn FnMut(&mut dyn RwFd) -> std::io::Result<T>,
) -> PyResult<T> {
    let r = FDS.with(|t| t.borrow_mut().get_mut(&fd).map(|f| op(f as &mut dyn RwFd)));
    let r = match r {
        Some(r) => r,
        None => match fd {
            0 => op(&mut StdIo::In),
            1 => op(&mut StdIo::Out),
            2 => op(&mut StdIo::Err),
            _ if fd < 0 => Err(std::io::Error::from_raw_os_error(9)),
            _ => {
                let mut o = std::fs::OpenOptions::new();
                o.read(!write).write(write);
                match o.open(format!("/dev/fd/{fd}")) {
                    Ok(mut f) => op(&mut f),
                    Err(_) => Err(std::io::Error::from_raw_os_error(9)),
                }
            }
        },
    };
    r.map_err(|e| os_error(vm, &e, None, None))
}

pub(super) trait RwFd {
    fn rd(&mut self, buf: &mut [u8]) -> std::io::Result<usize>;
    fn wr(&mut self, buf: &[u8]) -> std::io::Result<usize>;
}

impl RwFd for File {
    fn rd(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        self.read(buf)
    }
    fn wr(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.write(buf)
    }
}

pub(super) enum StdIo {
    In,
    Out,
    Err,
}

impl RwFd for StdIo {
    fn rd(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        match self {
            StdIo::In => std::io::stdin().read(buf),
            _ => Err(std::io::Error::from_raw_os_error(9)),
        }
    }
    fn wr(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        match self {
            StdIo::Out => {
                let mut o = std::io::stdout();
                let n = o.write(buf)?;
                o.flush()?;
                Ok(n)
            }
            StdIo::Err => std::io::stderr().write(buf),
            StdIo::In => Err(std::io::Error::from_raw_os_error(9)),
        }
    }
}

pub(super) fn read(vm: &VM, a: &[PyObjectRef], k: Kw) -> PyResult {
    let a = args::positional(vm, "read", a, k, 2, 2)?;
    let fd = fd_arg(vm, Some(&a[0]))?;
    let n = int_arg(vm, Some(&a[1]), 0)?;
    if n < 0 {
        return Err(errno_error(vm, 22, None));
    }
    // A short read is always allowed, so a huge request need not be
    // allocated up front.
    let mut buf = vec![0u8; (n as usize).min(1 << 24)];
    let got = with_fd(vm, fd, false, &mut |f| f.rd(&mut buf))?;
    buf.truncate(got);
    Ok(vm.new_bytes(buf))
}

pub(super) fn write(vm: &VM, a: &[PyObjectRef], k: Kw) -> PyResult {
    let a = args::positional(vm, "write", a, k, 2, 2)?;
    let fd = fd_arg(vm, Some(&a[0]))?;
    let data = super::iomodule::bytes_like(vm, &a[1])?;
    let n = with_fd(vm, fd, true, &mut |f| f.wr(&data))?;
    Ok(vm.new_int(n as i64))
}

pub(super) fn isatty(vm: &VM, a: &[PyObjectRef], k: Kw) -> PyResult {
    use std::io::IsTerminal;
    let a = args::positional(vm, "posix.isatty", a, k, 1, 1)?;
    let fd = fd_arg(vm, Some(&a[0]))?;
    let r = match fd {
        0 => std::io::stdin().is_terminal(),
        1 => std::io::stdout().is_terminal(),
        2 => std::io::stderr().is_terminal(),
        _ => FDS.with(|t| t.borrow().get(&fd).is_some_and(|f| f.is_terminal())),
    };
    Ok(vm.new_bool(r))
}

pub(super) fn get_terminal_size(vm: &VM, a: &[PyObjectRef], k: Kw) -> PyResult {
    use std::io::IsTerminal;
    let a = args::positional(vm, "get_terminal_size", a, k, 0, 1)?;
    let fd = match a.first() {
        Some(o) => fd_arg(vm, Some(o))?,
        None => 1,
    };
    let tty = match fd {
        0 => std::io::stdin().is_terminal(),
        1 => std::io::stdout().is_terminal(),
        2 => std::io::stderr().is_terminal(),
        _ => FDS.with(|t| t.borrow().get(&fd).is_some_and(|f| f.is_terminal())),
    };
    if !tty {
        return Err(errno_error(vm, if fd < 0 { 9 } else { 25 }, None));
    }
    // The window size needs an ioctl; the environment's idea of it is the
    // closest safe answer.
    let dim = |name: &str, default: i64| {
        std::env::var(name)
            .ok()
            .and_then(|v| v.parse::<i64>().ok())
            .unwrap_or(default)
    };
    let t = vm.new_tuple_obj(vec![
        vm.new_int(dim("COLUMNS", 80)),
        vm.new_int(dim("LINES", 24)),
    ]);
    helper(vm, TERMINAL_SIZE, &[t])
}

/// Runs `op` on a descriptor made by `posix.open` (the only ones this
/// module owns a `File` for); any other number is EBADF.
fn with_table<T>(
    vm: &VM,
    fd: i64,
    op: impl FnOnce(&mut File) -> std::io::Result<T>,
) -> PyResult<T> {
    FDS.with(|t| match t.borrow_mut().get_mut(&fd) {
        Some(f) => op(f),
        None => Err(std::io::Error::from_raw_os_error(9)),
    })
    .map_err(|e| os_error(vm, &e, None, None))
}

pub(super) fn lseek(vm: &VM, a: &[PyObjectRef], k: Kw) -> PyResult {
    use std::io::{Seek, SeekFrom};
    let a = args::positional(vm, "lseek", a, k, 3, 3)?;
    let fd = fd_arg(vm, Some(&a[0]))?;
    let pos = int_arg(vm, Some(&a[1]), 0)?;
    let how = int_arg(vm, Some(&a[2]), 0)?;
    let to = match how {
        0 if pos >= 0 => SeekFrom::Start(pos as u64),
        1 => SeekFrom::Current(pos),
        2 => SeekFrom::End(pos),
        _ => return Err(errno_error(vm, 22, None)),
    };
    let r = with_table(vm, fd, |f| f.seek(to))?;
    Ok(vm.new_bigint(r.into()))
}

pub(super) fn ftruncate(vm: &VM, a: &[PyObjectRef], k: Kw) -> PyResult {
    let a = args::positional(vm, "ftruncate", a, k, 2, 2)?;
    let fd = fd_arg(vm, Some(&a[0]))?;
    let len = int_arg(vm, Some(&a[1]), 0)?;
    let len = u64::try_from(len).map_err(|_| errno_error(vm, 22, None))?;
    with_table(vm, fd, |f| f.set_len(len))?;
    Ok(vm.none())
}

pub(super) fn dup(vm: &VM, a: &[PyObjectRef], k: Kw) -> PyResult {
    let a = args::positional(vm, "dup", a, k, 1, 1)?;
    let fd = fd_arg(vm, Some(&a[0]))?;
    let f = with_table(vm, fd, |f| f.try_clone())?;
    let new = f.as_raw_fd() as i64;
    FDS.with(|t| t.borrow_mut().insert(new, f));
    Ok(vm.new_int(new))
}
