"""Operating-system interfaces: the `posix` calls plus the portable layer
built on them (os.path, os.environ, makedirs, walk, ...)."""

import abc
import sys
import stat as st

from _collections_abc import MutableMapping, Mapping

name = 'posix'
linesep = '\n'

import posix
from posix import *
for _n in dir(posix):
    if not _n.startswith('__') and _n != 'environ':
        globals()[_n] = getattr(posix, _n)
del _n

import posixpath as path
from posixpath import (curdir, pardir, sep, pathsep, defpath, extsep, altsep,
                       devnull)

sys.modules['os.path'] = path

error = OSError

SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2

# Which calls honour dir_fd=, a descriptor for a path, follow_symlinks=.
supports_dir_fd = {access, chmod, chown, link, mkdir, open, readlink, rename,
                   rmdir, stat, symlink, unlink, utime}
supports_effective_ids = set()
supports_fd = {stat, listdir}
supports_follow_symlinks = {stat}


def _fscodec():
    encoding = sys.getfilesystemencoding()
    errors = sys.getfilesystemencodeerrors()

    def fsencode(filename):
        """A path as bytes, encoded with the filesystem encoding."""
        filename = fspath(filename)
        if isinstance(filename, str):
            return filename.encode(encoding, errors)
        return filename

    def fsdecode(filename):
        """A path as str, decoded with the filesystem encoding."""
        filename = fspath(filename)
        if isinstance(filename, bytes):
            return filename.decode(encoding, errors)
        return filename

    return fsencode, fsdecode


fsencode, fsdecode = _fscodec()
del _fscodec


class _Environ(MutableMapping):
    """The environment as a mapping; writes reach the process
    environment through putenv/unsetenv."""

    def __init__(self, data, encodekey, decodekey, encodevalue, decodevalue):
        self.encodekey = encodekey
        self.decodekey = decodekey
        self.encodevalue = encodevalue
        self.decodevalue = decodevalue
        self._data = data

    def __getitem__(self, key):
        try:
            value = self._data[self.encodekey(key)]
        except KeyError:
            raise KeyError(key) from None
        return self.decodevalue(value)

    def __setitem__(self, key, value):
        key = self.encodekey(key)
        value = self.encodevalue(value)
        putenv(key, value)
        self._data[key] = value

    def __delitem__(self, key):
        encoded = self.encodekey(key)
        unsetenv(encoded)
        try:
            del self._data[encoded]
        except KeyError:
            raise KeyError(key) from None

    def __iter__(self):
        for key in list(self._data):
            yield self.decodekey(key)

    def __len__(self):
        return len(self._data)

    def __repr__(self):
        items = ', '.join(f'{self.decodekey(k)!r}: {self.decodevalue(v)!r}'
                          for k, v in self._data.items())
        return f'environ({{{items}}})'

    def copy(self):
        return dict(self)

    def setdefault(self, key, value):
        if key not in self:
            self[key] = value
        return self[key]

    def __ior__(self, other):
        self.update(other)
        return self

    def __or__(self, other):
        if not isinstance(other, Mapping):
            return NotImplemented
        new = dict(self)
        new.update(other)
        return new

    def __ror__(self, other):
        if not isinstance(other, Mapping):
            return NotImplemented
        new = dict(other)
        new.update(self)
        return new


def _make_environ():
    enc = sys.getfilesystemencoding()
    errs = 'surrogateescape'

    def encode(value):
        if not isinstance(value, str):
            raise TypeError("str expected, not %s" % type(value).__name__)
        return value.encode(enc, errs)

    def decode(value):
        return value.decode(enc, errs)

    # Shares posix.environ, as CPython does, so both views stay in step.
    return _Environ(posix.environ, encode, decode, encode, decode)


environ = _make_environ()
del _make_environ


def _check_bytes(value):
    if not isinstance(value, bytes):
        raise TypeError("bytes expected, not %s" % type(value).__name__)
    return value


environb = _Environ(environ._data, _check_bytes, bytes, _check_bytes, bytes)


def getenv(key, default=None):
    """environ[key], or default when it is not set."""
    return environ.get(key, default)


def getenvb(key, default=None):
    """environb[key], or default when it is not set."""
    return environb.get(key, default)


supports_bytes_environ = True


def get_exec_path(env=None):
    """The directories searched for executables (from PATH)."""
    if env is None:
        env = environ
    value = env.get('PATH')
    if value is None:
        value = defpath
    if isinstance(value, bytes):
        value = fsdecode(value)
    return value.split(pathsep)


def makedirs(name, mode=0o777, exist_ok=False):
    """mkdir with every missing parent; exist_ok leaves an existing
    directory alone."""
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    if head and tail and not path.exists(head):
        try:
            makedirs(head, exist_ok=exist_ok)
        except FileExistsError:
            # Someone else made it in the meantime.
            pass
        cdir = curdir
        if isinstance(tail, bytes):
            cdir = bytes(curdir, 'ASCII')
        if tail == cdir:
            return
    try:
        mkdir(name, mode)
    except OSError:
        if not exist_ok or not path.isdir(name):
            raise


def removedirs(name):
    """rmdir name, then each parent that became empty."""
    rmdir(name)
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    while head and tail:
        try:
            rmdir(head)
        except OSError:
            break
        head, tail = path.split(head)


def renames(old, new):
    """rename that creates the new parents and prunes the old ones."""
    head, tail = path.split(new)
    if head and tail and not path.exists(head):
        makedirs(head)
    rename(old, new)
    head, tail = path.split(old)
    if head and tail:
        try:
            removedirs(head)
        except OSError:
            pass


def walk(top, topdown=True, onerror=None, followlinks=False):
    """Yield (dirpath, dirnames, filenames) for each directory under top."""
    sys.audit("os.walk", top, topdown, onerror, followlinks)
    stack = [fspath(top)]
    islink, join = path.islink, path.join
    while stack:
        top = stack.pop()
        if isinstance(top, tuple):
            yield top
            continue
        dirs = []
        nondirs = []
        walk_dirs = []
        try:
            entries = scandir(top)
        except OSError as error:
            if onerror is not None:
                onerror(error)
            continue
        with entries:
            while True:
                try:
                    entry = next(entries)
                except StopIteration:
                    break
                except OSError as error:
                    if onerror is not None:
                        onerror(error)
                    break
                try:
                    is_dir = entry.is_dir()
                except OSError:
                    is_dir = False
                if is_dir:
                    dirs.append(entry.name)
                else:
                    nondirs.append(entry.name)
                if not topdown and is_dir:
                    if followlinks:
                        walk_into = True
                    else:
                        try:
                            walk_into = not entry.is_symlink()
                        except OSError:
                            walk_into = False
                    if walk_into:
                        walk_dirs.append(entry.path)
        if topdown:
            yield top, dirs, nondirs
            for dirname in reversed(dirs):
                new_path = join(top, dirname)
                if followlinks or not islink(new_path):
                    stack.append(new_path)
        else:
            stack.append((top, dirs, nondirs))
            for new_path in reversed(walk_dirs):
                stack.append(new_path)


class PathLike(abc.ABC):
    """Abstract base class for objects with a file system path
    (`__fspath__`)."""

    @abc.abstractmethod
    def __fspath__(self):
        raise NotImplementedError

    @classmethod
    def __subclasshook__(cls, subclass):
        if cls is PathLike:
            for klass in subclass.__mro__:
                if '__fspath__' in klass.__dict__:
                    return klass.__dict__['__fspath__'] is not None
        return NotImplemented

    @classmethod
    def __class_getitem__(cls, item):
        import types
        return types.GenericAlias(cls, item)


class _wrap_close:
    """A popen() stream whose close() reports the command's status."""

    def __init__(self, stream, finish):
        self._stream = stream
        self._finish = finish

    def close(self):
        self._stream.close()
        returncode = self._finish()
        if returncode == 0:
            return None
        return returncode << 8

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()

    def __getattr__(self, name):
        return getattr(self._stream, name)

    def __iter__(self):
        return iter(self._stream)


def popen(cmd, mode="r", buffering=-1):
    """Run cmd in a shell; read its output (mode 'r') or feed its input
    (mode 'w'). The command runs to completion when the stream is opened
    ('r') or closed ('w'), as there are no pipes to stream through yet."""
    if not isinstance(cmd, str):
        raise TypeError("invalid cmd type (%s, expected string)" % type(cmd))
    if mode not in ("r", "w"):
        raise ValueError("invalid mode %r" % mode)
    if buffering == 0 or buffering is None:
        raise ValueError("popen() does not support unbuffered streams")
    import io
    if mode == "r":
        returncode, out = posix._run_shell(cmd, None)
        return _wrap_close(io.TextIOWrapper(io.BytesIO(out)), lambda: returncode)
    # Text is collected until close() hands it to the command.
    data = []

    class _Collector:
        closed = False

        def write(self, s):
            data.append(s)
            return len(s)

        def writelines(self, lines):
            data.extend(lines)

        def flush(self):
            pass

        def close(self):
            self.closed = True

    def run():
        return posix._run_shell(cmd, "".join(data).encode())[0]

    return _wrap_close(_Collector(), run)


def fdopen(fd, mode="r", buffering=-1, encoding=None, *args, **kwargs):
    if not isinstance(fd, int):
        raise TypeError("invalid fd type (%s, expected integer)" % type(fd))
    import io
    if "b" not in mode:
        encoding = io.text_encoding(encoding)
    return io.open(fd, mode, buffering, encoding, *args, **kwargs)


# `from os import *` gives the interface, not the modules os uses.
__all__ = [_n for _n in globals()
           if not _n.startswith('_')
           and _n not in ('abc', 'sys', 'st', 'posix', 'MutableMapping',
                          'Mapping')]
