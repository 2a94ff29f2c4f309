"""Path operations that work the same on every platform (shared by
posixpath)."""

import os
import stat

__all__ = ['commonprefix', 'exists', 'getatime', 'getctime', 'getmtime',
           'getsize', 'isdevdrive', 'isdir', 'isfile', 'isjunction', 'islink',
           'lexists', 'samefile', 'sameopenfile', 'samestat']


def exists(path):
    """Whether path names an existing file (a broken symlink does not)."""
    try:
        os.stat(path)
    except (OSError, ValueError):
        return False
    return True


def _mode_is(path, test):
    try:
        st = os.stat(path)
    except (OSError, ValueError):
        return False
    return test(st.st_mode)


def isfile(path):
    """Whether path is a regular file (following symlinks)."""
    return _mode_is(path, stat.S_ISREG)


def isdir(s):
    """Whether s is a directory (following symlinks)."""
    return _mode_is(s, stat.S_ISDIR)


def islink(path):
    """Whether path is a symbolic link."""
    try:
        st = os.lstat(path)
    except (OSError, ValueError, AttributeError):
        return False
    return stat.S_ISLNK(st.st_mode)


def lexists(path):
    """Whether path exists, counting broken symlinks."""
    try:
        os.lstat(path)
    except (OSError, ValueError):
        return False
    return True


def isjunction(path):
    """Junctions are a Windows notion: never true here."""
    os.fspath(path)
    return False


def isdevdrive(path):
    """Dev drives are a Windows notion: never true here."""
    os.fspath(path)
    return False


def getsize(filename):
    return os.stat(filename).st_size


def getmtime(filename):
    return os.stat(filename).st_mtime


def getatime(filename):
    return os.stat(filename).st_atime


def getctime(filename):
    return os.stat(filename).st_ctime


def commonprefix(m):
    """The longest leading run of characters shared by every item of m."""
    if not m:
        return ''
    if not isinstance(m[0], (list, tuple)):
        m = tuple(map(os.fspath, m))
    lo = min(m)
    hi = max(m)
    # The smallest and largest items bound every other one, so their
    # common prefix is everyone's.
    n = 0
    limit = min(len(lo), len(hi))
    while n < limit and lo[n] == hi[n]:
        n += 1
    return lo[:n]


def samestat(s1, s2):
    """Whether two stat results describe the same file."""
    return s1.st_ino == s2.st_ino and s1.st_dev == s2.st_dev


def samefile(f1, f2):
    """Whether two paths name the same file."""
    return samestat(os.stat(f1), os.stat(f2))


def sameopenfile(fp1, fp2):
    """Whether two open descriptors refer to the same file."""
    return samestat(os.fstat(fp1), os.fstat(fp2))


def _splitext(p, sep, altsep, extsep):
    """Split p at its last extension dot, ignoring leading dots of the
    final component (so '.bashrc' has no extension)."""
    last = p.rfind(sep)
    if altsep:
        last = max(last, p.rfind(altsep))
    dot = p.rfind(extsep)
    if dot > last:
        i = last + 1
        while i < dot:
            if p[i:i + 1] != extsep:
                return p[:dot], p[dot:]
            i += 1
    return p, p[:0]


def _check_arg_types(funcname, *args):
    has_str = has_bytes = False
    for s in args:
        if isinstance(s, str):
            has_str = True
        elif isinstance(s, bytes):
            has_bytes = True
        else:
            raise TypeError(f'{funcname}() argument must be str, bytes, or '
                            f'os.PathLike object, not {s.__class__.__name__!r}') from None
    if has_str and has_bytes:
        raise TypeError("Can't mix strings and bytes in path components") from None
