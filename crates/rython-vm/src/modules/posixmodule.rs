//! The `posix` module (CPython's Modules/posixmodule.c): the OS calls
//! `os.py` builds on, through `std` only. Path calls live here,
//! descriptor calls in posix_fd.rs, process and environment calls in
//! posix_sys.rs; the structseq types and `DirEntry` are written in Python
//! (posix_types.rs).

use std::cell::RefCell;
use std::ffi::OsStr;
use std::fs::{File, Metadata};
use std::os::unix::ffi::{OsStrExt, OsStringExt};
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::PathBuf;

use super::posix_fd as fd;
use super::posix_sys as sys;
use crate::object::PyObjectRef;
use crate::objects::bytesobject::PyBytes;
use crate::objects::exceptions::PyBaseExceptionRef;
use crate::objects::longobject::PyInt;
use crate::objects::strobject::PyStr;
use crate::objects::tupleobject::PyTupleRef;
use crate::python::args;
use crate::{PyResult, VM};

thread_local! {
    /// The Python-level constructors from posix_types.rs.
    static HELPERS: RefCell<Option<[PyObjectRef; 4]>> = const { RefCell::new(None) };
}

pub(super) const MAKE_STAT: usize = 0;
pub(super) const SCANDIR: usize = 1;
pub(super) const TERMINAL_SIZE: usize = 2;
const UNAME: usize = 3;

pub(super) fn helper(vm: &VM, which: usize, args: &[PyObjectRef]) -> PyResult {
    let f = HELPERS.with(|h| h.borrow().as_ref().map(|h| h[which].clone()));
    match f {
        Some(f) => vm.call(&f, args, None),
        None => Err(vm.new_runtime_error("posix module is not initialised")),
    }
}

/// A path argument: the object as given (it becomes `filename` in
/// errors), its bytes, and whether results should be bytes.
pub struct PathArg {
    pub obj: PyObjectRef,
    pub path: PathBuf,
    pub is_bytes: bool,
}

/// A path argument or, where the call accepts one, a descriptor.
pub enum PathOrFd {
    Path(PathArg),
    Fd(i64),
}

fn path_bytes(vm: &VM, fname: &str, b: &[u8]) -> PyResult<PathBuf> {
    if b.contains(&0) {
        return Err(vm.new_value_error(format!("{fname}: embedded null character in path")));
    }
    Ok(PathBuf::from(OsStr::from_bytes(b)))
}

fn to_path_or_fd(
    vm: &VM,
    fname: &str,
    argname: &str,
    o: &PyObjectRef,
    allow_fd: bool,
) -> PyResult<PathOrFd> {
    let conv = |x: &PyObjectRef| -> PyResult<Option<PathArg>> {
        if let Some(s) = x.downcast_ref::<PyStr>() {
            if s.as_str().contains('\0') {
                return Err(vm.new_value_error(format!("{fname}: embedded null character in path")));
            }
            return Ok(Some(PathArg {
                obj: o.clone(),
                path: PathBuf::from(OsStr::from_bytes(&fs_encode(vm, s)?)),
                is_bytes: false,
            }));
        }
        if let Some(b) = x.downcast_ref::<PyBytes>() {
            return Ok(Some(PathArg {
                obj: o.clone(),
                path: path_bytes(vm, fname, b.as_bytes())?,
                is_bytes: true,
            }));
        }
        Ok(None)
    };
    if let Some(p) = conv(o)? {
        return Ok(PathOrFd::Path(p));
    }
    if allow_fd && o.payload_is::<PyInt>() && !o.class().is(&vm.types.bool_type) {
        return Ok(PathOrFd::Fd(vm.to_isize(o, "")?));
    }
    let cls = o.class().clone().into_object();
    if let Some(f) = vm.get_attr_opt_str(&cls, "__fspath__")? {
        let r = vm.call(&f, &[o.clone()], None)?;
        if let Some(p) = conv(&r)? {
            return Ok(PathOrFd::Path(p));
        }
        return Err(vm.new_type_error(format!(
            "expected {}.__fspath__() to return str or bytes, not {}",
            o.class().name_string(),
            r.class().name_string()
        )));
    }
    let kinds = if allow_fd {
        "string, bytes, os.PathLike or integer"
    } else {
        "string, bytes or os.PathLike"
    };
    Err(vm.new_type_error(format!(
        "{fname}: {argname} should be {kinds}, not {}",
        o.class().name_string()
    )))
}

pub(super) fn to_path(vm: &VM, fname: &str, argname: &str, o: &PyObjectRef) -> PyResult<PathArg> {
    match to_path_or_fd(vm, fname, argname, o, false)? {
        PathOrFd::Path(p) => Ok(p),
        PathOrFd::Fd(_) => unreachable!("descriptors are refused above"),
    }
}

/// The C library's message for an errno.
pub fn strerror_text(n: i32) -> String {
    let s = std::io::Error::from_raw_os_error(n).to_string();
    match s.find(" (os error") {
        Some(i) => s[..i].to_string(),
        None => s,
    }
}

/// `OSError(errno, strerror, filename[, None, filename2])`, the subclass
/// chosen by errno as `PyErr_SetFromErrnoWithFilenameObjects` does.
pub fn os_error(
    vm: &VM,
    e: &std::io::Error,
    f1: Option<&PyObjectRef>,
    f2: Option<&PyObjectRef>,
) -> PyBaseExceptionRef {
    let Some(n) = e.raw_os_error() else {
        return vm.new_os_error(e.to_string());
    };
    let mut a = vec![vm.new_int(n as i64), vm.new_str_obj(strerror_text(n))];
    if let Some(f) = f1 {
        a.push(f.clone());
        if let Some(f2) = f2 {
            a.push(vm.none());
            a.push(f2.clone());
        }
    }
    let os = vm.types.exc.os_error.clone().into_object();
    match vm.call(&os, &a, None) {
        Ok(o) => match o.downcast::<crate::objects::exceptions::PyBaseException>() {
            Ok(e) => e,
            Err(_) => vm.new_os_error(strerror_text(n)),
        },
        Err(e) => e,
    }
}

pub(super) fn errno_error(vm: &VM, n: i32, f: Option<&PyObjectRef>) -> PyBaseExceptionRef {
    os_error(vm, &std::io::Error::from_raw_os_error(n), f, None)
}

/// Bytes from the OS as the caller's kind: `bytes` for bytes paths,
/// otherwise `str` decoded with surrogateescape like CPython's
/// filesystem encoding.
pub fn os_name(vm: &VM, b: Vec<u8>, as_bytes: bool) -> PyResult {
    if as_bytes {
        return Ok(vm.new_bytes(b));
    }
    crate::objects::codecs::decode_to_str(vm, &b, "utf-8", "surrogateescape")
}

/// A str as OS bytes (`os.fsencode`): UTF-8 with surrogateescape, and
/// CPython's UnicodeEncodeError for other lone surrogates.
pub fn fs_encode(vm: &VM, s: &PyStr) -> PyResult<Vec<u8>> {
    if !s.has_surrogates() {
        return Ok(s.as_str().as_bytes().to_vec());
    }
    crate::objects::codecs::encode_str(vm, s.as_str(), false, "utf-8", "surrogateescape")
}

pub(super) type Kw<'a> = Option<&'a PyTupleRef>;

fn getcwd(vm: &VM, a: &[PyObjectRef], k: Kw) -> PyResult {
    args::positional(vm, "posix.getcwd", a, k, 0, 0)?;
    let d = std::env::current_dir().map_err(|e| os_error(vm, &e, None, None))?;
    os_name(vm, d.into_os_string().into_vec(), false)
}

fn getcwdb(vm: &VM, a: &[PyObjectRef], k: Kw) -> PyResult {
    args::positional(vm, "posix.getcwdb", a, k, 0, 0)?;
    let d = std::env::current_dir().map_err(|e| os_error(vm, &e, None, None))?;
    Ok(vm.new_bytes(d.into_os_string().into_vec()))
}

/// The directory `listdir`/`scandir` read: a path (None meaning ".") or
/// an open directory descriptor.
struct DirArg {
    path: PathBuf,
    /// The argument as given, for errors; None for a descriptor.
    filename: Option<PyObjectRef>,
    is_bytes: bool,
}

fn dir_arg(vm: &VM, fname: &str, p: Option<PyObjectRef>) -> PyResult<DirArg> {
    let p = match p {
        Some(p) if !vm.is_none(&p) => p,
        _ => vm.new_str_obj("."),
    };
    match to_path_or_fd(vm, fname, "path", &p, true) {
        Err(e) if e.as_object().class().is(&vm.types.exc.type_error) => {
            Err(vm.new_type_error(format!(
                "{fname}: path should be string, bytes, os.PathLike, integer or None, not {}",
                p.class().name_string()
            )))
        }
        r => Ok(match r? {
            PathOrFd::Path(p) => DirArg {
                path: p.path,
                filename: Some(p.obj),
                is_bytes: p.is_bytes,
            },
            PathOrFd::Fd(fd) => DirArg {
                path: PathBuf::from(format!("/proc/self/fd/{fd}")),
                filename: None,
                is_bytes: false,
            },
        }),
    }
}

/// The entries of a directory as (name, inode) pairs, in the order the
/// OS gives them (as CPython's readdir loop does).
fn read_entries(vm: &VM, d: &DirArg) -> PyResult<Vec<(PyObjectRef, u64)>> {
    let err = |e: std::io::Error| {
        let e = match d.filename {
            None if e.raw_os_error() == Some(2) => std::io::Error::from_raw_os_error(9),
            _ => e,
        };
        os_error(vm, &e, d.filename.as_ref(), None)
    };
    let rd = std::fs::read_dir(&d.path).map_err(err)?;
    let mut out = Vec::new();
    for ent in rd {
        let ent = ent.map_err(err)?;
        let ino = std::os::unix::fs::DirEntryExt::ino(&ent);
        out.push((os_name(vm, ent.file_name().into_vec(), d.is_bytes)?, ino));
    }
    Ok(out)
}

fn listdir(vm: &VM, a: &[PyObjectRef], k: Kw) -> PyResult {
    let [p] = args::bind(vm, "listdir", a, k, ["path"], 0, 0)?;
    let d = dir_arg(vm, "listdir", p)?;
    let names = read_entries(vm, &d)?.into_iter().map(|(n, _)| n).collect();
    Ok(vm.new_list(names).into_object())
}

/// The raw fields `stat_result` is built from (posix_types.rs).
pub(super) fn stat_tuple(vm: &VM, m: &Metadata) -> PyObjectRef {
    let i = |v: i64| vm.new_int(v);
    let u = |v: u64| vm.new_bigint(v.into());
    vm.new_tuple_obj(vec![
        i(m.mode() as i64),
        u(m.ino()),
        u(m.dev()),
        i(m.nlink() as i64),
        i(m.uid() as i64),
        i(m.gid() as i64),
        i(m.size() as i64),
        i(m.atime()),
        i(m.atime_nsec()),
        i(m.mtime()),
        i(m.mtime_nsec()),
        i(m.ctime()),
        i(m.ctime_nsec()),
        i(m.blksize() as i64),
        i(m.blocks() as i64),
        u(m.rdev()),
    ])
}

/// `dir_fd=`: a relative path is looked up from that directory, reached
/// through its `/proc/self/fd` entry (`openat` needs libc).
pub(super) fn at(vm: &VM, mut p: PathArg, dir_fd: &Option<PyObjectRef>) -> PyResult<PathArg> {
    if let Some(d) = dir_fd.as_ref().filter(|d| !vm.is_none(d)) {
        let fd = fd::fd_arg(vm, Some(d))?;
        if p.path.is_relative() {
            p.path = PathBuf::from(format!("/proc/self/fd/{fd}")).join(&p.path);
        }
    }
    Ok(p)
}

fn do_stat(
    vm: &VM,
    fname: &str,
    p: &PyObjectRef,
    follow: bool,
    allow_fd: bool,
    dir_fd: &Option<PyObjectRef>,
) -> PyResult {
    let m = match to_path_or_fd(vm, fname, "path", p, allow_fd)? {
        PathOrFd::Path(p) => {
            let p = at(vm, p, dir_fd)?;
            if follow {
                std::fs::metadata(&p.path)
            } else {
                std::fs::symlink_metadata(&p.path)
            }
            .map_err(|e| os_error(vm, &e, Some(&p.obj), None))?
        }
        PathOrFd::Fd(fd) => fd::fd_metadata(fd).map_err(|e| os_error(vm, &e, None, None))?,
    };
    helper(vm, MAKE_STAT, &[stat_tuple(vm, &m)])
}

fn follow_arg(vm: &VM, o: Option<PyObjectRef>) -> PyResult<bool> {
    match o {
        Some(o) => vm.is_true(&o),
        None => Ok(true),
    }
}

/// `dir_fd` and `follow_symlinks` are keyword-only in CPython.
fn one_positional(vm: &VM, name: &str, a: &[PyObjectRef], k: Kw) -> PyResult<()> {
    let npos = a.len() - k.map(|k| k.payload.len()).unwrap_or(0);
    if npos > 1 {
        return Err(vm.new_type_error(format!(
            "{name}() takes exactly 1 positional argument ({npos} given)"
        )));
    }
    Ok(())
}

fn stat(vm: &VM, a: &[PyObjectRef], k: Kw) -> PyResult {
    one_positional(vm, "stat", a, k)?;
    let [p, dir_fd, f] = args::bind(
        vm,
        "stat",
        a,
        k,
        ["path", "dir_fd", "follow_symlinks"],
        1,
        0,
    )?;
    let p = p.unwrap_or_else(|| vm.none());
    do_stat(vm, "stat", &p, follow_arg(vm, f)?, true, &dir_fd)
}

fn lstat(vm: &VM, a: &[PyObjectRef], k: Kw) -> PyResult {
    one_positional(vm, "lstat", a, k)?;
    let [p, dir_fd] = args::bind(vm, "lstat", a, k, ["path", "dir_fd"], 1, 0)?;
    let p = p.unwrap_or_else(|| vm.none());
    do_stat(vm, "lstat", &p, false, false, &dir_fd)
}

/// `mode=0o777`-style optional integer arguments.
pub(super) fn int_arg(vm: &VM, o: Option<&PyObjectRef>, default: i64) -> PyResult<i64> {
    match o {
        None => Ok(default),
        Some(o) => {
            if o.payload_is::<crate::objects::floatobject::PyFloat>() {
                return Err(vm.new_type_error("'float' object cannot be interpreted as an integer"));
            }
            vm.to_isize(o, "")
        }
    }
}

fn mkdir(vm: &VM, a: &[PyObjectRef], k: Kw) -> PyResult {
    let [p, mode, dir_fd] = args::bind(vm, "mkdir", a, k, ["path", "mode", "dir_fd"], 1, 0)?;
    let p = to_path(vm, "mkdir", "path", &p.unwrap_or_else(|| vm.none()))?;
    let p = at(vm, p, &dir_fd)?;
    let mode = int_arg(vm, mode.as_ref(), 0o777)?;
    let mut b = std::fs::DirBuilder::new();
    std::os::unix::fs::DirBuilderExt::mode(&mut b, (mode & 0o7777) as u32);
    b.create(&p.path)
        .map_err(|e| os_error(vm, &e, Some(&p.obj), None))?;
    Ok(vm.none())
}

/// One-path calls that return None: `rmdir`, `unlink`, `remove`, `chdir`.
fn one_path(
    vm: &VM,
    name: &str,
    a: &[PyObjectRef],
    k: Kw,
    op: fn(&std::path::Path) -> std::io::Result<()>,
) -> PyResult {
    let [p, dir_fd] = args::bind(vm, name, a, k, ["path", "dir_fd"], 1, 0)?;
    let p = to_path(vm, name, "path", &p.unwrap_or_else(|| vm.none()))?;
    let p = at(vm, p, &dir_fd)?;
    op(&p.path).map_err(|e| os_error(vm, &e, Some(&p.obj), None))?;
    Ok(vm.none())
}

fn rmdir(vm: &VM, a: &[PyObjectRef], k: Kw) -> PyResult {
    one_path(vm, "rmdir", a, k, |p| std::fs::remove_dir(p))
}

fn unlink(vm: &VM, a: &[PyObjectRef], k: Kw) -> PyResult {
    one_path(vm, "unlink", a, k, |p| std::fs::remove_file(p))
}

fn remove(vm: &VM, a: &[PyObjectRef], k: Kw) -> PyResult {
    one_path(vm, "remove", a, k, |p| std::fs::remove_file(p))
}

fn chdir(vm: &VM, a: &[PyObjectRef], k: Kw) -> PyResult {
    let [p] = args::bind(vm, "chdir", a, k, ["path"], 1, 0)?;
    let p = to_path(vm, "chdir", "path", &p.unwrap_or_else(|| vm.none()))?;
    std::env::set_current_dir(&p.path).map_err(|e| os_error(vm, &e, Some(&p.obj), None))?;
    Ok(vm.none())
}

/// Two-path calls: `rename`, `replace`, `symlink`.
fn two_paths(
    vm: &VM,
    name: &str,
    a: &[PyObjectRef],
    k: Kw,
    names: [&str; 2],
    op: fn(&std::path::Path, &std::path::Path) -> std::io::Result<()>,
) -> PyResult {
    let [s, d, sfd, dfd] = args::bind(
        vm,
        name,
        a,
        k,
        [names[0], names[1], "src_dir_fd", "dst_dir_fd"],
        2,
        0,
    )?;
    let s = to_path(vm, name, names[0], &s.unwrap_or_else(|| vm.none()))?;
    let d = to_path(vm, name, names[1], &d.unwrap_or_else(|| vm.none()))?;
    let (s, d) = (at(vm, s, &sfd)?, at(vm, d, &dfd)?);
    op(&s.path, &d.path).map_err(|e| os_error(vm, &e, Some(&s.obj), Some(&d.obj)))?;
    Ok(vm.none())
}

fn rename(vm: &VM, a: &[PyObjectRef], k: Kw) -> PyResult {
    two_paths(vm, "rename", a, k, ["src", "dst"], |s, d| {
        std::fs::rename(s, d)
    })
}

fn replace(vm: &VM, a: &[PyObjectRef], k: Kw) -> PyResult {
    two_paths(vm, "replace", a, k, ["src", "dst"], |s, d| {
        std::fs::rename(s, d)
    })
}

fn symlink(vm: &VM, a: &[PyObjectRef], k: Kw) -> PyResult {
    // target_is_directory only matters on Windows.
    let [s, d, _, dir_fd] = args::bind(
        vm,
        "symlink",
        a,
        k,
        ["src", "dst", "target_is_directory", "dir_fd"],
        2,
        0,
    )?;
    let s = to_path(vm, "symlink", "src", &s.unwrap_or_else(|| vm.none()))?;
    let d = to_path(vm, "symlink", "dst", &d.unwrap_or_else(|| vm.none()))?;
    let d = at(vm, d, &dir_fd)?;
    std::os::unix::fs::symlink(&s.path, &d.path)
        .map_err(|e| os_error(vm, &e, Some(&s.obj), Some(&d.obj)))?;
    Ok(vm.none())
}

fn readlink(vm: &VM, a: &[PyObjectRef], k: Kw) -> PyResult {
    let [p, dir_fd] = args::bind(vm, "readlink", a, k, ["path", "dir_fd"], 1, 0)?;
    let p = to_path(vm, "readlink", "path", &p.unwrap_or_else(|| vm.none()))?;
    let p = at(vm, p, &dir_fd)?;
    let t = std::fs::read_link(&p.path).map_err(|e| os_error(vm, &e, Some(&p.obj), None))?;
    os_name(vm, t.into_os_string().into_vec(), p.is_bytes)
}

fn chmod(vm: &VM, a: &[PyObjectRef], k: Kw) -> PyResult {
    let [p, mode, dir_fd, _] = args::bind(
        vm,
        "chmod",
        a,
        k,
        ["path", "mode", "dir_fd", "follow_symlinks"],
        2,
        0,
    )?;
    let p = to_path(vm, "chmod", "path", &p.unwrap_or_else(|| vm.none()))?;
    let p = at(vm, p, &dir_fd)?;
    let mode = int_arg(vm, mode.as_ref(), 0)?;
    std::fs::set_permissions(&p.path, std::fs::Permissions::from_mode(mode as u32))
        .map_err(|e| os_error(vm, &e, Some(&p.obj), None))?;
    Ok(vm.none())
}

/// A `times` item in seconds (int or float) as nanoseconds.
fn secs_to_ns(vm: &VM, o: &PyObjectRef) -> PyResult<i128> {
    if o.payload_is::<crate::objects::floatobject::PyFloat>() {
        let v = vm.to_f64(o)?;
        if !v.is_finite() {
            return Err(vm.new_value_error("Invalid value NaN (not a number)"));
        }
        return Ok((v * 1e9).floor() as i128);
    }
    Ok(vm.to_isize(o, "")? as i128 * 1_000_000_000)
}

fn utime(vm: &VM, a: &[PyObjectRef], k: Kw) -> PyResult {
    let [p, times, ns, dir_fd, _follow] = args::bind(
        vm,
        "utime",
        a,
        k,
        ["path", "times", "ns", "dir_fd", "follow_symlinks"],
        1,
        0,
    )?;
    let p = to_path(vm, "utime", "path", &p.unwrap_or_else(|| vm.none()))?;
    let p = at(vm, p, &dir_fd)?;
    let times = times.filter(|t| !vm.is_none(t));
    let pair = |o: &PyObjectRef| -> Option<[PyObjectRef; 2]> {
        let t = o.downcast_ref::<crate::objects::tupleobject::PyTuple>()?;
        match t.as_slice() {
            [x, y] => Some([x.clone(), y.clone()]),
            _ => None,
        }
    };
    let (at, mt) = match (times, ns) {
        (Some(_), Some(_)) => {
            return Err(
                vm.new_value_error("utime: you may specify either 'times' or 'ns' but not both")
            )
        }
        (Some(t), None) => {
            let [x, y] = pair(&t).ok_or_else(|| {
                vm.new_type_error("utime: 'times' must be either a tuple of two ints or None")
            })?;
            (Some(secs_to_ns(vm, &x)?), Some(secs_to_ns(vm, &y)?))
        }
        (None, Some(n)) => {
            let [x, y] = pair(&n)
                .ok_or_else(|| vm.new_type_error("utime: 'ns' must be a tuple of two ints"))?;
            (
                Some(vm.to_isize(&x, "")? as i128),
                Some(vm.to_isize(&y, "")? as i128),
            )
        }
        (None, None) => (None, None),
    };
    let when = |ns: Option<i128>| -> std::time::SystemTime {
        let Some(ns) = ns else {
            return std::time::SystemTime::now();
        };
        let d = std::time::Duration::from_nanos(ns.unsigned_abs().min(u64::MAX as u128) as u64);
        let t = if ns >= 0 {
            std::time::UNIX_EPOCH.checked_add(d)
        } else {
            std::time::UNIX_EPOCH.checked_sub(d)
        };
        t.unwrap_or(std::time::UNIX_EPOCH)
    };
    let times = std::fs::FileTimes::new()
        .set_accessed(when(at))
        .set_modified(when(mt));
    File::open(&p.path)
        .and_then(|f| f.set_times(times))
        .map_err(|e| os_error(vm, &e, Some(&p.obj), None))?;
    Ok(vm.none())
}

fn scandir(vm: &VM, a: &[PyObjectRef], k: Kw) -> PyResult {
    let [p] = args::bind(vm, "scandir", a, k, ["path"], 0, 0)?;
    let d = dir_arg(vm, "scandir", p)?;
    let (names, inodes): (Vec<_>, Vec<_>) = read_entries(vm, &d)?
        .into_iter()
        .map(|(n, ino)| (n, vm.new_bigint(ino.into())))
        .unzip();
    // Entries of a descriptor's directory are named relative to it.
    let top = match d.filename {
        Some(_) => os_name(vm, d.path.into_os_string().into_vec(), d.is_bytes)?,
        None => vm.none(),
    };
    let names = vm.new_list(names).into_object();
    let inodes = vm.new_list(inodes).into_object();
    helper(vm, SCANDIR, &[top, names, inodes])
}

fn fspath(vm: &VM, a: &[PyObjectRef], k: Kw) -> PyResult {
    let [p] = args::bind(vm, "fspath", a, k, ["path"], 1, 0)?;
    let p = p.unwrap_or_else(|| vm.none());
    if p.payload_is::<PyStr>() || p.payload_is::<PyBytes>() {
        return Ok(p);
    }
    let cls = p.class().clone().into_object();
    let Some(f) = vm.get_attr_opt_str(&cls, "__fspath__")? else {
        return Err(vm.new_type_error(format!(
            "expected str, bytes or os.PathLike object, not {}",
            p.class().name_string()
        )));
    };
    if vm.is_none(&f) {
        return Err(vm.new_type_error(format!(
            "expected str, bytes or os.PathLike object, not {}",
            p.class().name_string()
        )));
    }
    let r = vm.call(&f, &[p.clone()], None)?;
    if r.payload_is::<PyStr>() || r.payload_is::<PyBytes>() {
        return Ok(r);
    }
    Err(vm.new_type_error(format!(
        "expected {}.__fspath__() to return str or bytes, not {}",
        p.class().name_string(),
        r.class().name_string()
    )))
}

fn access(vm: &VM, a: &[PyObjectRef], k: Kw) -> PyResult {
    let [p, mode, dir_fd, _, _] = args::bind(
        vm,
        "access",
        a,
        k,
        ["path", "mode", "dir_fd", "effective_ids", "follow_symlinks"],
        2,
        0,
    )?;
    let p = to_path(vm, "access", "path", &p.unwrap_or_else(|| vm.none()))?;
    let p = at(vm, p, &dir_fd)?;
    let mode = int_arg(vm, mode.as_ref(), 0)?;
    let Ok(m) = std::fs::metadata(&p.path) else {
        return Ok(vm.new_bool(false));
    };
    // Permission bits as the kernel reads them for this user: root may
    // read and write anything and execute what has any x bit.
    let (uid, gid) = sys::self_ids();
    let bits = m.mode();
    let ok = |want: u32| -> bool {
        if uid == 0 {
            return want != 1 || bits & 0o111 != 0 || m.is_dir();
        }
        let shift = if m.uid() as i64 == uid {
            6
        } else if m.gid() as i64 == gid {
            3
        } else {
            0
        };
        (bits >> shift) & want != 0
    };
    let r = (mode & 4 == 0 || ok(4)) && (mode & 2 == 0 || ok(2)) && (mode & 1 == 0 || ok(1));
    Ok(vm.new_bool(r))
}

fn uname(vm: &VM, a: &[PyObjectRef], k: Kw) -> PyResult {
    args::positional(vm, "posix.uname", a, k, 0, 0)?;
    helper(vm, UNAME, &[sys::uname_fields(vm)])
}

fn link(vm: &VM, a: &[PyObjectRef], k: Kw) -> PyResult {
    let [s, d, sfd, dfd, _] = args::bind(
        vm,
        "link",
        a,
        k,
        ["src", "dst", "src_dir_fd", "dst_dir_fd", "follow_symlinks"],
        2,
        0,
    )?;
    let s = to_path(vm, "link", "src", &s.unwrap_or_else(|| vm.none()))?;
    let d = to_path(vm, "link", "dst", &d.unwrap_or_else(|| vm.none()))?;
    let (s, d) = (at(vm, s, &sfd)?, at(vm, d, &dfd)?);
    std::fs::hard_link(&s.path, &d.path)
        .map_err(|e| os_error(vm, &e, Some(&s.obj), Some(&d.obj)))?;
    Ok(vm.none())
}

fn truncate(vm: &VM, a: &[PyObjectRef], k: Kw) -> PyResult {
    let [p, len] = args::bind(vm, "truncate", a, k, ["path", "length"], 2, 0)?;
    let p = to_path(vm, "truncate", "path", &p.unwrap_or_else(|| vm.none()))?;
    let len = int_arg(vm, len.as_ref(), 0)?;
    let r = match u64::try_from(len) {
        Ok(len) => std::fs::OpenOptions::new()
            .write(true)
            .open(&p.path)
            .and_then(|f| f.set_len(len)),
        Err(_) => Err(std::io::Error::from_raw_os_error(22)),
    };
    r.map_err(|e| os_error(vm, &e, Some(&p.obj), None))?;
    Ok(vm.none())
}

/// `chown`/`lchown`: -1 leaves an id unchanged.
fn chown_impl(vm: &VM, name: &str, a: &[PyObjectRef], k: Kw, follow: bool) -> PyResult {
    let [p, uid, gid, dir_fd, _] = args::bind(
        vm,
        name,
        a,
        k,
        ["path", "uid", "gid", "dir_fd", "follow_symlinks"],
        3,
        0,
    )?;
    let p = to_path(vm, name, "path", &p.unwrap_or_else(|| vm.none()))?;
    let p = at(vm, p, &dir_fd)?;
    let id = |o: Option<&PyObjectRef>| -> PyResult<Option<u32>> {
        let v = int_arg(vm, o, -1)?;
        if v == -1 {
            return Ok(None);
        }
        u32::try_from(v)
            .map(Some)
            .map_err(|_| vm.new_overflow_error(format!("{name}: id out of range")))
    };
    let (u, g) = (id(uid.as_ref())?, id(gid.as_ref())?);
    let r = if follow {
        std::os::unix::fs::chown(&p.path, u, g)
    } else {
        std::os::unix::fs::lchown(&p.path, u, g)
    };
    r.map_err(|e| os_error(vm, &e, Some(&p.obj), None))?;
    Ok(vm.none())
}

fn chown(vm: &VM, a: &[PyObjectRef], k: Kw) -> PyResult {
    chown_impl(vm, "chown", a, k, true)
}

fn lchown(vm: &VM, a: &[PyObjectRef], k: Kw) -> PyResult {
    chown_impl(vm, "lchown", a, k, false)
}

pub fn make_module(vm: &VM) -> PyResult<PyObjectRef> {
    let m = vm.new_module(
        "posix",
        Some(
            "This module provides access to operating system functionality that is\n\
             standardized by the C Standard and the POSIX standard (a thinly\n\
             disguised Unix interface).  Refer to the library manual and\n\
             corresponding Unix manual entries for more information on calls.",
        ),
    );
    let d = &m.payload.dict.payload;
    let mo = m.clone().into_object();
    let fns: &[(&'static str, crate::objects::methodobject::NativeFn)] = &[
        ("getcwd", getcwd),
        ("getcwdb", getcwdb),
        ("listdir", listdir),
        ("stat", stat),
        ("lstat", lstat),
        ("fstat", fd::fstat),
        ("scandir", scandir),
        ("fspath", fspath),
        ("get_terminal_size", fd::get_terminal_size),
        ("mkdir", mkdir),
        ("rmdir", rmdir),
        ("unlink", unlink),
        ("remove", remove),
        ("rename", rename),
        ("replace", replace),
        ("chdir", chdir),
        ("symlink", symlink),
        ("readlink", readlink),
        ("chmod", chmod),
        ("utime", utime),
        ("getpid", sys::getpid),
        ("getppid", sys::getppid),
        ("getuid", sys::getuid),
        ("geteuid", sys::getuid),
        ("getgid", sys::getgid),
        ("getegid", sys::getgid),
        ("putenv", sys::putenv),
        ("unsetenv", sys::unsetenv),
        ("strerror", sys::strerror),
        ("urandom", sys::urandom),
        ("cpu_count", sys::cpu_count),
        ("access", access),
        ("open", fd::open),
        ("close", fd::close),
        ("read", fd::read),
        ("write", fd::write),
        ("isatty", fd::isatty),
        ("lseek", fd::lseek),
        ("ftruncate", fd::ftruncate),
        ("dup", fd::dup),
        ("system", sys::system),
        ("_run_shell", sys::run_shell),
        ("_exit", sys::exit_now),
        ("uname", uname),
        ("link", link),
        ("truncate", truncate),
        ("chown", chown),
        ("lchown", lchown),
    ];
    for (name, f) in fns {
        vm.add_function(d, &mo, name, *f);
    }
    let env = vm.new_dict();
    for (k, v) in std::env::vars_os() {
        env.payload
            .set_item(vm, vm.new_bytes(k.into_vec()), vm.new_bytes(v.into_vec()))?;
    }
    d.set_str(vm, "environ", env.into_object());
    let helpers = super::posix_types::install(vm, &mo)?;
    HELPERS.with(|h| *h.borrow_mut() = Some(helpers));
    Ok(mo)
}
