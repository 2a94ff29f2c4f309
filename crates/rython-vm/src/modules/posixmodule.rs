//! The `posix` module (CPython's Modules/posixmodule.c): the OS calls
//! `os.py` builds on. Everything goes through `std`: descriptors made by
//! `posix.open` live in a per-thread table of `File`s (turning a bare
//! number into a `File` needs `unsafe`), other descriptors are reached
//! through `/dev/fd/N`. The structseq types, `DirEntry` and `scandir`
//! are written in Python (posix_types.rs).

use std::cell::RefCell;
use std::collections::HashMap;
use std::ffi::OsStr;
use std::fs::{File, Metadata};
use std::io::{Read, Write};
use std::os::fd::AsRawFd;
use std::os::unix::ffi::{OsStrExt, OsStringExt};
use std::os::unix::fs::{MetadataExt, OpenOptionsExt, PermissionsExt};
use std::path::PathBuf;

use crate::object::PyObjectRef;
use crate::objects::bytesobject::PyBytes;
use crate::objects::exceptions::PyBaseExceptionRef;
use crate::objects::longobject::PyInt;
use crate::objects::strobject::PyStr;
use crate::objects::tupleobject::PyTupleRef;
use crate::python::args;
use crate::{PyResult, VM};

thread_local! {
    static FDS: RefCell<HashMap<i64, File>> = RefCell::new(HashMap::new());
    /// The Python-level constructors from posix_types.rs.
    static HELPERS: RefCell<Option<[PyObjectRef; 3]>> = const { RefCell::new(None) };
}

const MAKE_STAT: usize = 0;
const SCANDIR: usize = 1;
const TERMINAL_SIZE: usize = 2;

fn helper(vm: &VM, which: usize, args: &[PyObjectRef]) -> PyResult {
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
                path: PathBuf::from(s.as_str()),
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

fn to_path(vm: &VM, fname: &str, argname: &str, o: &PyObjectRef) -> PyResult<PathArg> {
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

fn errno_error(vm: &VM, n: i32, f: Option<&PyObjectRef>) -> PyBaseExceptionRef {
    os_error(vm, &std::io::Error::from_raw_os_error(n), f, None)
}

/// Bytes from the OS as the caller's kind: `bytes` for bytes paths,
/// otherwise `str` decoded with surrogateescape like CPython's
/// filesystem encoding.
pub fn os_name(vm: &VM, b: Vec<u8>, as_bytes: bool) -> PyResult {
    if as_bytes {
        return Ok(vm.new_bytes(b));
    }
    match String::from_utf8(b) {
        Ok(s) => Ok(vm.new_str_obj(s)),
        Err(e) => {
            let b = e.into_bytes();
            let raw = vm.new_bytes(b.clone());
            let enc = vm.new_str_obj("utf-8");
            let h = vm.new_str_obj("surrogateescape");
            // Until the codec knows surrogateescape, an undecodable name
            // is shown with replacement characters rather than lost.
            vm.call_method(&raw, "decode", &[enc, h])
                .or_else(|_| Ok(vm.new_str_obj(String::from_utf8_lossy(&b).into_owned())))
        }
    }
}

type Kw<'a> = Option<&'a PyTupleRef>;

fn getcwd(vm: &VM, a: &[PyObjectRef], k: Kw) -> PyResult {
    args::positional(vm, "getcwd", a, k, 0, 0)?;
    let d = std::env::current_dir().map_err(|e| os_error(vm, &e, None, None))?;
    os_name(vm, d.into_os_string().into_vec(), false)
}

fn getcwdb(vm: &VM, a: &[PyObjectRef], k: Kw) -> PyResult {
    args::positional(vm, "getcwdb", a, k, 0, 0)?;
    let d = std::env::current_dir().map_err(|e| os_error(vm, &e, None, None))?;
    Ok(vm.new_bytes(d.into_os_string().into_vec()))
}

fn listdir(vm: &VM, a: &[PyObjectRef], k: Kw) -> PyResult {
    let [p] = args::bind(vm, "listdir", a, k, ["path"], 0, 0)?;
    let p = match p {
        Some(p) if !vm.is_none(&p) => p,
        _ => vm.new_str_obj("."),
    };
    let p = match to_path_or_fd(vm, "listdir", "path", &p, false) {
        Err(e) if e.as_object().class().is(&vm.types.exc.type_error) => {
            return Err(vm.new_type_error(format!(
                "listdir: path should be string, bytes, os.PathLike, integer or None, not {}",
                p.class().name_string()
            )))
        }
        r => match r? {
            PathOrFd::Path(p) => p,
            PathOrFd::Fd(_) => unreachable!("descriptors are refused above"),
        },
    };
    let rd = std::fs::read_dir(&p.path).map_err(|e| os_error(vm, &e, Some(&p.obj), None))?;
    let mut out = Vec::new();
    for ent in rd {
        let ent = ent.map_err(|e| os_error(vm, &e, Some(&p.obj), None))?;
        out.push(os_name(vm, ent.file_name().into_vec(), p.is_bytes)?);
    }
    Ok(vm.new_list(out).into_object())
}

/// The raw fields `stat_result` is built from (posix_types.rs).
fn stat_tuple(vm: &VM, m: &Metadata) -> PyObjectRef {
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

fn fd_metadata(fd: i64) -> std::io::Result<Metadata> {
    let known = FDS.with(|t| t.borrow().get(&fd).map(|f| f.metadata()));
    match known {
        Some(r) => r,
        None if fd < 0 => Err(std::io::Error::from_raw_os_error(9)),
        None => std::fs::metadata(format!("/proc/self/fd/{fd}"))
            .map_err(|_| std::io::Error::from_raw_os_error(9)),
    }
}

fn do_stat(vm: &VM, fname: &str, p: &PyObjectRef, follow: bool) -> PyResult {
    let m = match to_path_or_fd(vm, fname, "path", p, true)? {
        PathOrFd::Path(p) => if follow {
            std::fs::metadata(&p.path)
        } else {
            std::fs::symlink_metadata(&p.path)
        }
        .map_err(|e| os_error(vm, &e, Some(&p.obj), None))?,
        PathOrFd::Fd(fd) => fd_metadata(fd).map_err(|e| os_error(vm, &e, None, None))?,
    };
    helper(vm, MAKE_STAT, &[stat_tuple(vm, &m)])
}

fn follow_arg(vm: &VM, o: Option<PyObjectRef>) -> PyResult<bool> {
    match o {
        Some(o) => vm.is_true(&o),
        None => Ok(true),
    }
}

fn stat(vm: &VM, a: &[PyObjectRef], k: Kw) -> PyResult {
    let [p, _dir_fd, f] = args::bind(
        vm,
        "stat",
        a,
        k,
        ["path", "dir_fd", "follow_symlinks"],
        1,
        0,
    )?;
    let p = p.unwrap_or_else(|| vm.none());
    do_stat(vm, "stat", &p, follow_arg(vm, f)?)
}

fn lstat(vm: &VM, a: &[PyObjectRef], k: Kw) -> PyResult {
    let [p, _dir_fd] = args::bind(vm, "lstat", a, k, ["path", "dir_fd"], 1, 0)?;
    let p = p.unwrap_or_else(|| vm.none());
    match to_path_or_fd(vm, "lstat", "path", &p, false)? {
        PathOrFd::Path(_) => do_stat(vm, "lstat", &p, false),
        PathOrFd::Fd(_) => unreachable!("descriptors are refused above"),
    }
}

fn fstat(vm: &VM, a: &[PyObjectRef], k: Kw) -> PyResult {
    let [fd] = args::bind(vm, "fstat", a, k, ["fd"], 1, 0)?;
    let fd = fd_arg(vm, fd.as_ref())?;
    let m = fd_metadata(fd).map_err(|e| os_error(vm, &e, None, None))?;
    helper(vm, MAKE_STAT, &[stat_tuple(vm, &m)])
}

fn fd_arg(vm: &VM, o: Option<&PyObjectRef>) -> PyResult<i64> {
    let o = o.ok_or_else(|| vm.new_type_error("missing file descriptor"))?;
    if o.payload_is::<crate::objects::floatobject::PyFloat>() {
        return Err(vm.new_type_error("'float' object cannot be interpreted as an integer"));
    }
    vm.to_isize(o, "")
}

/// `mode=0o777`-style optional integer arguments.
fn int_arg(vm: &VM, o: Option<&PyObjectRef>, default: i64) -> PyResult<i64> {
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
    let [p, mode, _dir_fd] = args::bind(vm, "mkdir", a, k, ["path", "mode", "dir_fd"], 1, 0)?;
    let p = to_path(vm, "mkdir", "path", &p.unwrap_or_else(|| vm.none()))?;
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
    let [p, _dir_fd] = args::bind(vm, name, a, k, ["path", "dir_fd"], 1, 0)?;
    let p = to_path(vm, name, "path", &p.unwrap_or_else(|| vm.none()))?;
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
    let [s, d, _, _] = args::bind(
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
    let [s, d, _, _] = args::bind(
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
    std::os::unix::fs::symlink(&s.path, &d.path)
        .map_err(|e| os_error(vm, &e, Some(&s.obj), Some(&d.obj)))?;
    Ok(vm.none())
}

fn readlink(vm: &VM, a: &[PyObjectRef], k: Kw) -> PyResult {
    let [p, _dir_fd] = args::bind(vm, "readlink", a, k, ["path", "dir_fd"], 1, 0)?;
    let p = to_path(vm, "readlink", "path", &p.unwrap_or_else(|| vm.none()))?;
    let t = std::fs::read_link(&p.path).map_err(|e| os_error(vm, &e, Some(&p.obj), None))?;
    os_name(vm, t.into_os_string().into_vec(), p.is_bytes)
}

fn chmod(vm: &VM, a: &[PyObjectRef], k: Kw) -> PyResult {
    let [p, mode, _, _] = args::bind(
        vm,
        "chmod",
        a,
        k,
        ["path", "mode", "dir_fd", "follow_symlinks"],
        2,
        0,
    )?;
    let p = to_path(vm, "chmod", "path", &p.unwrap_or_else(|| vm.none()))?;
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
    let [p, times, ns, _dir_fd, _follow] = args::bind(
        vm,
        "utime",
        a,
        k,
        ["path", "times", "ns", "dir_fd", "follow_symlinks"],
        1,
        0,
    )?;
    let p = to_path(vm, "utime", "path", &p.unwrap_or_else(|| vm.none()))?;
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
    let p = match p {
        Some(p) if !vm.is_none(&p) => p,
        _ => vm.new_str_obj("."),
    };
    let p = match to_path_or_fd(vm, "scandir", "path", &p, false) {
        Err(e) if e.as_object().class().is(&vm.types.exc.type_error) => {
            return Err(vm.new_type_error(format!(
                "scandir: path should be string, bytes, os.PathLike, integer or None, not {}",
                p.class().name_string()
            )))
        }
        r => match r? {
            PathOrFd::Path(p) => p,
            PathOrFd::Fd(_) => unreachable!("descriptors are refused above"),
        },
    };
    let rd = std::fs::read_dir(&p.path).map_err(|e| os_error(vm, &e, Some(&p.obj), None))?;
    let (mut names, mut inodes) = (Vec::new(), Vec::new());
    for ent in rd {
        let ent = ent.map_err(|e| os_error(vm, &e, Some(&p.obj), None))?;
        inodes.push(vm.new_bigint(std::os::unix::fs::DirEntryExt::ino(&ent).into()));
        names.push(os_name(vm, ent.file_name().into_vec(), p.is_bytes)?);
    }
    let top = os_name(vm, p.path.into_os_string().into_vec(), p.is_bytes)?;
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

fn get_terminal_size(vm: &VM, a: &[PyObjectRef], k: Kw) -> PyResult {
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

fn getpid(vm: &VM, a: &[PyObjectRef], k: Kw) -> PyResult {
    args::positional(vm, "getpid", a, k, 0, 0)?;
    Ok(vm.new_int(std::process::id() as i64))
}

fn getppid(vm: &VM, a: &[PyObjectRef], k: Kw) -> PyResult {
    args::positional(vm, "getppid", a, k, 0, 0)?;
    Ok(vm.new_int(std::os::unix::process::parent_id() as i64))
}

/// The process's own `/proc` entry is owned by its effective ids.
fn self_ids() -> (i64, i64) {
    std::fs::metadata("/proc/self")
        .map(|m| (m.uid() as i64, m.gid() as i64))
        .unwrap_or((0, 0))
}

fn getuid(vm: &VM, a: &[PyObjectRef], k: Kw) -> PyResult {
    args::positional(vm, "getuid", a, k, 0, 0)?;
    Ok(vm.new_int(self_ids().0))
}

fn getgid(vm: &VM, a: &[PyObjectRef], k: Kw) -> PyResult {
    args::positional(vm, "getgid", a, k, 0, 0)?;
    Ok(vm.new_int(self_ids().1))
}

fn env_bytes(vm: &VM, o: &PyObjectRef) -> PyResult<Vec<u8>> {
    if let Some(s) = o.downcast_ref::<PyStr>() {
        return Ok(s.as_str().as_bytes().to_vec());
    }
    if let Some(b) = o.downcast_ref::<PyBytes>() {
        return Ok(b.as_bytes().to_vec());
    }
    Err(vm.new_type_error(format!(
        "expected str, bytes or os.PathLike object, not {}",
        o.class().name_string()
    )))
}

fn putenv(vm: &VM, a: &[PyObjectRef], k: Kw) -> PyResult {
    let a = args::positional(vm, "putenv", a, k, 2, 2)?;
    let key = env_bytes(vm, &a[0])?;
    let val = env_bytes(vm, &a[1])?;
    if key.is_empty() || key.contains(&b'=') {
        return Err(vm.new_value_error("illegal environment variable name"));
    }
    if key.contains(&0) || val.contains(&0) {
        return Err(vm.new_value_error("embedded null byte"));
    }
    std::env::set_var(OsStr::from_bytes(&key), OsStr::from_bytes(&val));
    Ok(vm.none())
}

fn unsetenv(vm: &VM, a: &[PyObjectRef], k: Kw) -> PyResult {
    let a = args::positional(vm, "unsetenv", a, k, 1, 1)?;
    let key = env_bytes(vm, &a[0])?;
    if key.is_empty() || key.contains(&b'=') {
        return Err(vm.new_value_error("illegal environment variable name"));
    }
    if key.contains(&0) {
        return Err(vm.new_value_error("embedded null byte"));
    }
    std::env::remove_var(OsStr::from_bytes(&key));
    Ok(vm.none())
}

fn strerror(vm: &VM, a: &[PyObjectRef], k: Kw) -> PyResult {
    let a = args::positional(vm, "strerror", a, k, 1, 1)?;
    let n = int_arg(vm, Some(&a[0]), 0)?;
    let n = i32::try_from(n)
        .map_err(|_| vm.new_overflow_error("Python int too large to convert to C int"))?;
    Ok(vm.new_str_obj(strerror_text(n)))
}

fn urandom(vm: &VM, a: &[PyObjectRef], k: Kw) -> PyResult {
    let a = args::positional(vm, "urandom", a, k, 1, 1)?;
    let n = int_arg(vm, Some(&a[0]), 0)?;
    if n < 0 {
        return Err(vm.new_value_error("negative argument not allowed"));
    }
    let mut buf = vec![0u8; n as usize];
    File::open("/dev/urandom")
        .and_then(|mut f| f.read_exact(&mut buf))
        .map_err(|e| os_error(vm, &e, None, None))?;
    Ok(vm.new_bytes(buf))
}

fn cpu_count(vm: &VM, a: &[PyObjectRef], k: Kw) -> PyResult {
    args::positional(vm, "cpu_count", a, k, 0, 0)?;
    // CPython counts online processors, not the ones this process may use.
    let online = std::fs::read_to_string("/sys/devices/system/cpu/online")
        .ok()
        .and_then(|s| {
            let mut n = 0i64;
            for part in s.trim().split(',') {
                let mut it = part.split('-');
                let lo: i64 = it.next()?.parse().ok()?;
                let hi: i64 = match it.next() {
                    Some(h) => h.parse().ok()?,
                    None => lo,
                };
                n += hi - lo + 1;
            }
            Some(n)
        });
    match online.or_else(|| {
        std::thread::available_parallelism()
            .ok()
            .map(|n| n.get() as i64)
    }) {
        Some(n) => Ok(vm.new_int(n)),
        None => Ok(vm.none()),
    }
}

fn access(vm: &VM, a: &[PyObjectRef], k: Kw) -> PyResult {
    let [p, mode, _, _, _] = args::bind(
        vm,
        "access",
        a,
        k,
        ["path", "mode", "dir_fd", "effective_ids", "follow_symlinks"],
        2,
        0,
    )?;
    let p = to_path(vm, "access", "path", &p.unwrap_or_else(|| vm.none()))?;
    let mode = int_arg(vm, mode.as_ref(), 0)?;
    let Ok(m) = std::fs::metadata(&p.path) else {
        return Ok(vm.new_bool(false));
    };
    // Permission bits as the kernel reads them for this user: root may
    // read and write anything and execute what has any x bit.
    let (uid, gid) = self_ids();
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

const O_ACCMODE: i64 = 3;
const O_CREAT: i64 = 0o100;
const O_TRUNC: i64 = 0o1000;
const O_APPEND: i64 = 0o2000;

fn open(vm: &VM, a: &[PyObjectRef], k: Kw) -> PyResult {
    let [p, flags, mode, _dir_fd] =
        args::bind(vm, "open", a, k, ["path", "flags", "mode", "dir_fd"], 2, 0)?;
    let p = to_path(vm, "open", "path", &p.unwrap_or_else(|| vm.none()))?;
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

fn close(vm: &VM, a: &[PyObjectRef], k: Kw) -> PyResult {
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
fn with_fd<T>(
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

trait RwFd {
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

enum StdIo {
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

fn read(vm: &VM, a: &[PyObjectRef], k: Kw) -> PyResult {
    let a = args::positional(vm, "read", a, k, 2, 2)?;
    let fd = fd_arg(vm, Some(&a[0]))?;
    let n = int_arg(vm, Some(&a[1]), 0)?;
    if n < 0 {
        return Err(errno_error(vm, 22, None));
    }
    let mut buf = vec![0u8; (n as usize).min(1 << 30)];
    let got = with_fd(vm, fd, false, &mut |f| f.rd(&mut buf))?;
    buf.truncate(got);
    Ok(vm.new_bytes(buf))
}

fn write(vm: &VM, a: &[PyObjectRef], k: Kw) -> PyResult {
    let a = args::positional(vm, "write", a, k, 2, 2)?;
    let fd = fd_arg(vm, Some(&a[0]))?;
    let data = super::iomodule::bytes_like(vm, &a[1])?;
    let n = with_fd(vm, fd, true, &mut |f| f.wr(&data))?;
    Ok(vm.new_int(n as i64))
}

fn isatty(vm: &VM, a: &[PyObjectRef], k: Kw) -> PyResult {
    use std::io::IsTerminal;
    let a = args::positional(vm, "isatty", a, k, 1, 1)?;
    let fd = fd_arg(vm, Some(&a[0]))?;
    let r = match fd {
        0 => std::io::stdin().is_terminal(),
        1 => std::io::stdout().is_terminal(),
        2 => std::io::stderr().is_terminal(),
        _ => FDS.with(|t| t.borrow().get(&fd).is_some_and(|f| f.is_terminal())),
    };
    Ok(vm.new_bool(r))
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
        ("fstat", fstat),
        ("scandir", scandir),
        ("fspath", fspath),
        ("get_terminal_size", get_terminal_size),
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
        ("getpid", getpid),
        ("getppid", getppid),
        ("getuid", getuid),
        ("geteuid", getuid),
        ("getgid", getgid),
        ("getegid", getgid),
        ("putenv", putenv),
        ("unsetenv", unsetenv),
        ("strerror", strerror),
        ("urandom", urandom),
        ("cpu_count", cpu_count),
        ("access", access),
        ("open", open),
        ("close", close),
        ("read", read),
        ("write", write),
        ("isatty", isatty),
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
