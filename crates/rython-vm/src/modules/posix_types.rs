//! The Python half of `posix`: the structseq types (`stat_result`,
//! `terminal_size`), `DirEntry`/`scandir`, `fspath`, `utime` and the
//! constants, on top of the native calls in posixmodule.rs.

use crate::object::PyObjectRef;
use crate::{PyResult, VM};

const SOURCE: &str = r#####"
def _readonly(self, *value):
    raise AttributeError("readonly attribute")

def _structseq(name, visible, hidden, nseq):
    def __new__(cls, seq, dict=None):
        seq = tuple(seq)
        n = len(seq)
        total = nseq + len(hidden)
        if nseq == total and n != nseq:
            raise TypeError(f"{name}() takes a {nseq}-sequence ({n}-sequence given)")
        if n < nseq:
            raise TypeError(f"{name}() takes an at least {nseq}-sequence ({n}-sequence given)")
        if n > total:
            raise TypeError(f"{name}() takes an at most {total}-sequence ({n}-sequence given)")
        self = tuple.__new__(cls, seq[:nseq])
        extra = list(seq[nseq:]) + [None] * (total - n)
        if dict:
            for i, f in enumerate(hidden):
                if f in dict:
                    extra[i] = dict[f]
        self._extra = tuple(extra)
        return self

    def __repr__(self):
        return name + "(" + ", ".join(
            f"{f}={v!r}" for f, v in zip(visible, self)) + ")"

    def __reduce__(self):
        return (type(self), (tuple(self), dict(zip(hidden, self._extra))))

    mod, _, short = name.rpartition(".")
    ns = {"__module__": mod, "__new__": __new__, "__repr__": __repr__,
          "__reduce__": __reduce__, "__qualname__": short,
          "n_fields": nseq + len(hidden), "n_sequence_fields": nseq,
          "n_unnamed_fields": 0,
          "__match_args__": tuple(f for f in visible if f is not None)}
    for i, f in enumerate(visible):
        if f is not None:
            ns[f] = property(lambda self, i=i: tuple.__getitem__(self, i),
                             _readonly, _readonly)
    for i, f in enumerate(hidden):
        ns[f] = property(lambda self, i=i: self._extra[i], _readonly, _readonly)
    return type(short, (tuple,), ns)

stat_result = _structseq(
    "os.stat_result",
    ("st_mode", "st_ino", "st_dev", "st_nlink", "st_uid", "st_gid", "st_size",
     None, None, None),
    ("st_atime", "st_mtime", "st_ctime", "st_atime_ns", "st_mtime_ns",
     "st_ctime_ns", "st_blksize", "st_blocks", "st_rdev"), 10)
# The three integer times are sequence fields without names of their own.
def _stat_repr(self):
    names = ("st_mode", "st_ino", "st_dev", "st_nlink", "st_uid", "st_gid",
             "st_size", "st_atime", "st_mtime", "st_ctime")
    return "os.stat_result(" + ", ".join(
        f"{f}={v!r}" for f, v in zip(names, self)) + ")"
stat_result.__repr__ = _stat_repr

_structseq_new = stat_result.__new__

def _stat_new(cls, seq, dict=None):
    self = _structseq_new(cls, seq, dict)
    # Built from a bare 10-tuple, the float times default to the int ones.
    extra = list(self._extra)
    for i in range(3):
        if extra[i] is None:
            extra[i] = tuple.__getitem__(self, 7 + i)
    self._extra = tuple(extra)
    return self

stat_result.__new__ = _stat_new
stat_result.n_unnamed_fields = 3

def _make_stat(t):
    (mode, ino, dev, nlink, uid, gid, size, a, ans, m, mns, c, cns,
     blksize, blocks, rdev) = t
    return stat_result(
        (mode, ino, dev, nlink, uid, gid, size, a, m, c,
         a + ans * 1e-9, m + mns * 1e-9, c + cns * 1e-9,
         a * 1000000000 + ans, m * 1000000000 + mns, c * 1000000000 + cns,
         blksize, blocks, rdev))

terminal_size = _structseq("os.terminal_size", ("columns", "lines"), (), 2)

uname_result = _structseq(
    "posix.uname_result",
    ("sysname", "nodename", "release", "version", "machine"), (), 5)

# Wait-status decoding (the W* macros of <sys/wait.h>).
def WIFEXITED(status):
    return status & 0x7f == 0

def WEXITSTATUS(status):
    return (status >> 8) & 0xff

def WIFSIGNALED(status):
    return ((status & 0x7f) + 1) & 0xff >= 2

def WTERMSIG(status):
    return status & 0x7f

def WIFSTOPPED(status):
    return status & 0xff == 0x7f

def WSTOPSIG(status):
    return WEXITSTATUS(status)

def WCOREDUMP(status):
    return bool(status & 0x80)

def WIFCONTINUED(status):
    return status == 0xffff

def waitstatus_to_exitcode(status):
    if WIFEXITED(status):
        return WEXITSTATUS(status)
    if WIFSIGNALED(status):
        return -WTERMSIG(status)
    raise ValueError(f"invalid wait status: {status}")

for _f in (WIFEXITED, WEXITSTATUS, WIFSIGNALED, WTERMSIG, WIFSTOPPED,
           WSTOPSIG, WCOREDUMP, WIFCONTINUED, waitstatus_to_exitcode):
    _f.__module__ = "posix"
    setattr(_mod, _f.__name__, _f)

_S_IFMT = 0o170000

class DirEntry:
    __slots__ = ("_name", "_path", "_stat", "_lstat", "_ino")

    name = property(lambda self: self._name, _readonly, _readonly)
    path = property(lambda self: self._path, _readonly, _readonly)

    def __init__(self, *a, **k):
        raise TypeError("cannot create 'posix.DirEntry' instances")

    def __repr__(self):
        return f"<DirEntry {self.name!r}>"

    def __fspath__(self):
        return self.path

    def inode(self):
        return self._ino

    def stat(self, *, follow_symlinks=True):
        if not follow_symlinks:
            if self._lstat is None:
                self._lstat = _mod.lstat(self.path)
            return self._lstat
        if self._stat is None:
            if self.is_symlink():
                self._stat = _mod.stat(self.path)
            else:
                self._stat = self.stat(follow_symlinks=False)
        return self._stat

    def _kind(self, kind, follow_symlinks):
        try:
            st = self.stat(follow_symlinks=follow_symlinks)
        except FileNotFoundError:
            return False
        return st.st_mode & _S_IFMT == kind

    def is_dir(self, *, follow_symlinks=True):
        return self._kind(0o040000, follow_symlinks)

    def is_file(self, *, follow_symlinks=True):
        return self._kind(0o100000, follow_symlinks)

    def is_symlink(self):
        return self._kind(0o120000, False)

    def is_junction(self):
        return False

    @classmethod
    def __class_getitem__(cls, item):
        import types
        return types.GenericAlias(cls, item)

DirEntry.__module__ = "posix"

def _entry(name, path):
    e = object.__new__(DirEntry)
    e._name = name
    e._path = path
    e._stat = e._lstat = None
    e._ino = None
    return e

class ScandirIterator:
    def __init__(self, entries):
        self._it = iter(entries)

    def __iter__(self):
        return self

    def __next__(self):
        if self._it is None:
            raise StopIteration
        return next(self._it)

    def close(self):
        self._it = None

    def __enter__(self):
        return self

    def __exit__(self, *a):
        self.close()

ScandirIterator.__module__ = "posix"

def _scandir(top, names, inodes):
    entries = []
    sep = b"/" if isinstance(top, bytes) else "/"
    for n, ino in zip(names, inodes):
        if top is None:
            p = n
        else:
            p = top + n if top.endswith(sep) else top + sep + n
        e = _entry(n, p)
        e._ino = ino
        entries.append(e)
    return ScandirIterator(entries)

def device_encoding(fd):
    # The locale is UTF-8 whenever a terminal is attached here.
    return "UTF-8" if _mod.isatty(fd) else None

def getloadavg():
    try:
        with open("/proc/loadavg") as f:
            fields = f.read().split()
        return (float(fields[0]), float(fields[1]), float(fields[2]))
    except (OSError, ValueError, IndexError):
        raise OSError("Load averages are unobtainable") from None

for _f in (device_encoding, getloadavg):
    _f.__module__ = "posix"
    setattr(_mod, _f.__name__, _f)
_mod.stat_result = stat_result
_mod.terminal_size = terminal_size
_mod.uname_result = uname_result
_mod.DirEntry = DirEntry
_mod.error = OSError

for _k, _v in dict(
        F_OK=0, R_OK=4, W_OK=2, X_OK=1,
        O_RDONLY=0, O_WRONLY=1, O_RDWR=2, O_ACCMODE=3, O_CREAT=0o100,
        O_EXCL=0o200, O_NOCTTY=0o400, O_TRUNC=0o1000, O_APPEND=0o2000,
        O_NONBLOCK=0o4000, O_NDELAY=0o4000, O_DSYNC=0o10000, O_SYNC=0o4010000,
        O_RSYNC=0o4010000, O_ASYNC=0o20000, O_DIRECT=0o40000,
        O_LARGEFILE=0, O_DIRECTORY=0o200000, O_NOFOLLOW=0o400000,
        O_NOATIME=0o1000000, O_CLOEXEC=0o2000000, O_PATH=0o10000000,
        O_TMPFILE=0o20200000,
        SEEK_SET=0, SEEK_CUR=1, SEEK_END=2, SEEK_DATA=3, SEEK_HOLE=4,
        EX_OK=0, EX_USAGE=64, EX_DATAERR=65, EX_NOINPUT=66, EX_NOUSER=67,
        EX_NOHOST=68, EX_UNAVAILABLE=69, EX_SOFTWARE=70, EX_OSERR=71,
        EX_OSFILE=72, EX_CANTCREAT=73, EX_IOERR=74, EX_TEMPFAIL=75,
        EX_PROTOCOL=76, EX_NOPERM=77, EX_CONFIG=78,
        WNOHANG=1, WUNTRACED=2, P_PID=1, P_ALL=0).items():
    setattr(_mod, _k, _v)
"#####;

/// Adds the Python-level parts to the `posix` module `m`; returns the
/// helpers the native calls finish with: (`_make_stat`, `_scandir`,
/// `terminal_size`, `uname_result`).
pub fn install(vm: &VM, m: &PyObjectRef) -> PyResult<[PyObjectRef; 4]> {
    let code = vm.compile_str(SOURCE, "<frozen posix>", rython_compiler::Mode::Exec)?;
    let g = vm.new_dict();
    g.payload.set_str(vm, "__name__", vm.new_str_obj("posix"));
    g.payload
        .set_str(vm, "__builtins__", vm.builtins.clone().into_object());
    g.payload.set_str(vm, "_mod", m.clone());
    vm.run_code(code, g.clone(), None)?;
    let get = |name: &str| {
        g.payload
            .get_str_name(vm, name)
            .ok_or_else(|| vm.new_runtime_error(format!("posix: {name} missing")))
    };
    Ok([
        get("_make_stat")?,
        get("_scandir")?,
        get("terminal_size")?,
        get("uname_result")?,
    ])
}
