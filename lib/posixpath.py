"""Path operations for POSIX systems (what os.path is here)."""

curdir = '.'
pardir = '..'
extsep = '.'
sep = '/'
pathsep = ':'
defpath = '/bin:/usr/bin'
altsep = None
devnull = '/dev/null'

import os
import sys
import stat
import genericpath
from genericpath import *

__all__ = ["normcase", "isabs", "join", "splitdrive", "splitroot", "split",
           "splitext", "basename", "dirname", "commonprefix", "getsize",
           "getmtime", "getatime", "getctime", "islink", "exists", "lexists",
           "isdir", "isfile", "ismount", "expanduser", "expandvars",
           "normpath", "abspath", "samefile", "sameopenfile", "samestat",
           "curdir", "pardir", "sep", "pathsep", "defpath", "altsep",
           "extsep", "devnull", "realpath", "supports_unicode_filenames",
           "relpath", "commonpath", "isjunction", "isdevdrive"]

supports_unicode_filenames = (sys.platform == 'darwin')


def _sep(p):
    return b'/' if isinstance(p, bytes) else '/'


def normcase(s):
    """POSIX paths are case-sensitive: returned as given."""
    return os.fspath(s)


def isabs(s):
    s = os.fspath(s)
    return s.startswith(_sep(s))


def join(a, *p):
    """Join path parts; an absolute part drops everything before it."""
    a = os.fspath(a)
    sep = _sep(a)
    path = a
    try:
        if not p:
            path[:0] + sep
        for b in map(os.fspath, p):
            if b.startswith(sep):
                path = b
            elif not path or path.endswith(sep):
                path += b
            else:
                path += sep + b
    except (TypeError, AttributeError, BytesWarning):
        genericpath._check_arg_types('join', a, *p)
        raise
    return path


def split(p):
    """(head, tail): tail is what follows the last slash."""
    p = os.fspath(p)
    sep = _sep(p)
    i = p.rfind(sep) + 1
    head, tail = p[:i], p[i:]
    if head and head != sep * len(head):
        head = head.rstrip(sep)
    return head, tail


def splitext(p):
    p = os.fspath(p)
    if isinstance(p, bytes):
        return genericpath._splitext(p, b'/', None, b'.')
    return genericpath._splitext(p, '/', None, '.')


splitext.__doc__ = genericpath._splitext.__doc__


def splitdrive(p):
    """POSIX has no drives: the drive part is always empty."""
    p = os.fspath(p)
    return p[:0], p


def splitroot(p):
    """(drive, root, tail): root is '', '/' or '//' (POSIX keeps exactly
    two leading slashes, collapses three or more to one)."""
    p = os.fspath(p)
    sep = _sep(p)
    empty = p[:0]
    if p[:1] != sep:
        return empty, empty, p
    if p[1:2] != sep or p[2:3] == sep:
        return empty, sep, p[1:]
    return empty, p[:2], p[2:]


def basename(p):
    p = os.fspath(p)
    return p[p.rfind(_sep(p)) + 1:]


def dirname(p):
    p = os.fspath(p)
    sep = _sep(p)
    head = p[:p.rfind(sep) + 1]
    if head and head != sep * len(head):
        head = head.rstrip(sep)
    return head


def ismount(path):
    """Whether path is a mount point: its parent is on another device or
    is the same directory."""
    try:
        s1 = os.lstat(path)
    except (OSError, ValueError):
        return False
    if stat.S_ISLNK(s1.st_mode):
        return False
    path = os.fspath(path)
    parent = join(path, b'..' if isinstance(path, bytes) else '..')
    try:
        s2 = os.lstat(parent)
    except (OSError, ValueError):
        return False
    return s1.st_dev != s2.st_dev or s1.st_ino == s2.st_ino


def _home_of(user):
    """The home directory /etc/passwd lists for user, or None."""
    try:
        with open('/etc/passwd', encoding='utf-8', errors='surrogateescape') as f:
            for line in f:
                fields = line.rstrip('\n').split(':')
                if len(fields) >= 6 and fields[0] == user:
                    return fields[5]
    except OSError:
        pass
    return None


def expanduser(path):
    """Replace a leading ~ or ~user by that user's home directory."""
    path = os.fspath(path)
    is_bytes = isinstance(path, bytes)
    tilde = b'~' if is_bytes else '~'
    if not path.startswith(tilde):
        return path
    sep = _sep(path)
    i = path.find(sep, 1)
    if i < 0:
        i = len(path)
    if i == 1:
        home = os.environ.get('HOME')
        if home is None:
            home = _home_of(_current_user())
            if home is None:
                return path
    else:
        name = path[1:i]
        if is_bytes:
            name = os.fsdecode(name)
        home = _home_of(name)
        if home is None:
            return path
    if is_bytes:
        home = os.fsencode(home)
    root = b'/' if is_bytes else '/'
    home = home.rstrip(sep)
    return (home + path[i:]) or root


def _current_user():
    uid = str(os.getuid())
    try:
        with open('/etc/passwd', encoding='utf-8', errors='surrogateescape') as f:
            for line in f:
                fields = line.split(':')
                if len(fields) >= 3 and fields[2] == uid:
                    return fields[0]
    except OSError:
        pass
    return None


def _is_word(c):
    return c.isalnum() or c == '_'


def expandvars(path):
    """Replace $name and ${name} by environment variables; unknown names
    are left as they are."""
    path = os.fspath(path)
    if isinstance(path, bytes):
        if b'$' not in path:
            return path
        text = path.decode('latin-1')
        env = {os.fsencode(k).decode('latin-1'): os.fsencode(v).decode('latin-1')
               for k, v in os.environ.items()}
        return _expand(text, env).encode('latin-1')
    if '$' not in path:
        return path
    return _expand(path, os.environ)


def _expand(s, env):
    out = []
    i = 0
    n = len(s)
    while i < n:
        c = s[i]
        if c != '$':
            out.append(c)
            i += 1
            continue
        if s[i + 1:i + 2] == '{':
            end = s.find('}', i + 2)
            if end < 0:
                out.append(c)
                i += 1
                continue
            name = s[i + 2:end]
            j = end + 1
        else:
            j = i + 1
            while j < n and s[j].isascii() and _is_word(s[j]):
                j += 1
            name = s[i + 1:j]
            if not name:
                out.append(c)
                i += 1
                continue
        if name in env:
            out.append(env[name])
        else:
            out.append(s[i:j])
        i = j
    return ''.join(out)


def normpath(path):
    """Collapse redundant separators and . / .. parts, lexically."""
    path = os.fspath(path)
    if isinstance(path, bytes):
        sep, dot, dotdot = b'/', b'.', b'..'
    else:
        sep, dot, dotdot = '/', '.', '..'
    if not path:
        return dot
    _, root, tail = splitroot(path)
    parts = []
    for comp in tail.split(sep):
        if not comp or comp == dot:
            continue
        if comp != dotdot or (not root and not parts) or (parts and parts[-1] == dotdot):
            parts.append(comp)
        elif parts:
            parts.pop()
    return (root + sep.join(parts)) or dot


def abspath(path):
    path = os.fspath(path)
    if not isabs(path):
        cwd = os.getcwdb() if isinstance(path, bytes) else os.getcwd()
        path = join(cwd, path)
    return normpath(path)


def realpath(filename, *, strict=False):
    """The canonical path: symlinks resolved, . and .. removed."""
    filename = os.fspath(filename)
    if isinstance(filename, bytes):
        sep, curdir_, pardir_ = b'/', b'.', b'..'
        getcwd = os.getcwdb
    else:
        sep, curdir_, pardir_ = '/', '.', '..'
        getcwd = os.getcwd
    pending = filename.split(sep)[::-1]
    path = sep if isabs(filename) else getcwd()
    # seen maps a symlink to what it resolved to, or to None while its
    # target is still being walked (meeting it then means a loop).
    seen = {}
    while pending:
        name = pending.pop()
        if isinstance(name, _Resolved):
            seen[name.link] = path
            continue
        if not name or name == curdir_:
            continue
        if name == pardir_:
            path = dirname(path) if path != sep else sep
            continue
        new = join(path, name)
        try:
            st = os.lstat(new)
        except OSError:
            if strict:
                raise
            path = new
            continue
        if not stat.S_ISLNK(st.st_mode):
            path = new
            continue
        if new in seen:
            if seen[new] is not None:
                path = seen[new]
                continue
            if strict:
                os.stat(new)
            rest = [p for p in reversed(pending) if not isinstance(p, _Resolved)]
            return join(new, *rest) if rest else new
        seen[new] = None
        target = os.readlink(new)
        if isabs(target):
            path = sep
        pending.append(_Resolved(new))
        pending.extend(target.split(sep)[::-1])
    return path


class _Resolved:
    """Marks, in realpath's work list, where a symlink's target ends."""

    def __init__(self, link):
        self.link = link


def relpath(path, start=None):
    """path relative to start (default: the current directory)."""
    path = os.fspath(path)
    if not path:
        raise ValueError("no path specified")
    if isinstance(path, bytes):
        curdir_, sep, pardir_ = b'.', b'/', b'..'
    else:
        curdir_, sep, pardir_ = '.', '/', '..'
    if start is None:
        start = curdir_
    else:
        start = os.fspath(start)
    try:
        start_parts = [x for x in abspath(start).split(sep) if x]
        path_parts = [x for x in abspath(path).split(sep) if x]
        n = len(commonprefix([start_parts, path_parts]))
        rel = [pardir_] * (len(start_parts) - n) + path_parts[n:]
        if not rel:
            return curdir_
        return join(*rel)
    except (TypeError, AttributeError, BytesWarning, DeprecationWarning):
        genericpath._check_arg_types('relpath', path, start)
        raise


def commonpath(paths):
    """The longest common sub-path of every path in paths."""
    paths = tuple(map(os.fspath, paths))
    if not paths:
        raise ValueError('commonpath() arg is an empty sequence')
    if isinstance(paths[0], bytes):
        sep, curdir_ = b'/', b'.'
    else:
        sep, curdir_ = '/', '.'
    try:
        split_paths = [p.split(sep) for p in paths]
        try:
            isabs_, = set(p[:1] == sep for p in paths)
        except ValueError:
            raise ValueError("Can't mix absolute and relative paths") from None
        split_paths = [[c for c in s if c and c != curdir_] for s in split_paths]
        lo = min(split_paths)
        hi = max(split_paths)
        common = lo
        for i, c in enumerate(lo):
            if c != hi[i]:
                common = lo[:i]
                break
        prefix = sep if isabs_ else sep[:0]
        return prefix + sep.join(common)
    except (TypeError, AttributeError):
        genericpath._check_arg_types('commonpath', *paths)
        raise
