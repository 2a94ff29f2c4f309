import os
import stat

base = "/tmp/rython_os_files_%d" % os.getpid()
label = lambda p: p.replace(base, "<BASE>")

os.makedirs(os.path.join(base, "a", "b", "c"))
os.makedirs(os.path.join(base, "a", "b"), exist_ok=True)
print(os.path.isdir(os.path.join(base, "a", "b", "c")))

with open(os.path.join(base, "a", "one.txt"), "w") as f:
    f.write("hello\n")
with open(os.path.join(base, "a", "b", "two.txt"), "wb") as f:
    f.write(b"x" * 1000)

print(sorted(os.listdir(base)), sorted(os.listdir(os.path.join(base, "a"))))
print(sorted(os.listdir(os.fsencode(os.path.join(base, "a")))))

st = os.stat(os.path.join(base, "a", "one.txt"))
print(st.st_size, st[6], st[stat.ST_SIZE], len(st), stat.S_ISREG(st.st_mode), stat.S_ISDIR(st.st_mode))
print(type(st.st_mtime).__name__, type(st[8]).__name__, type(st.st_mtime_ns).__name__, st.st_mtime_ns // 10**9 == st[8])
print(st.st_nlink, st.st_ino > 0, st.st_uid == os.getuid(), oct(stat.S_IMODE(os.stat(base).st_mode) & 0o700))
print(os.path.getsize(os.path.join(base, "a", "b", "two.txt")), type(os.stat_result).__name__)
mode, ino, dev, nlink, uid, gid, size, at, mt, ct = st
print(size, st == tuple(st), isinstance(st, tuple))

os.rename(os.path.join(base, "a", "one.txt"), os.path.join(base, "a", "uno.txt"))
os.replace(os.path.join(base, "a", "uno.txt"), os.path.join(base, "a", "b", "uno.txt"))
print(sorted(os.listdir(os.path.join(base, "a", "b"))))

for top, dirs, files in os.walk(base):
    dirs.sort()
    print(label(top), dirs, sorted(files))
print([label(t) for t, d, f in os.walk(base, topdown=False)])

with os.scandir(os.path.join(base, "a")) as it:
    entries = sorted(it, key=lambda e: e.name)
for e in entries:
    print(e.name, label(e.path), e.is_dir(), e.is_file(), e.is_symlink(), e.stat().st_size > 0, repr(e))

os.symlink("b", os.path.join(base, "a", "link"))
print(os.readlink(os.path.join(base, "a", "link")), os.path.islink(os.path.join(base, "a", "link")),
      os.path.isdir(os.path.join(base, "a", "link")), stat.S_ISLNK(os.lstat(os.path.join(base, "a", "link")).st_mode))
print(label(os.path.realpath(os.path.join(base, "a", "link", "c"))))
os.unlink(os.path.join(base, "a", "link"))

fd = os.open(os.path.join(base, "raw.bin"), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
print(os.write(fd, b"abcdef"), os.fstat(fd).st_size)
os.close(fd)
fd = os.open(os.path.join(base, "raw.bin"), os.O_RDONLY)
print(os.read(fd, 4), os.read(fd, 10), os.read(fd, 10))
os.close(fd)
print(os.access(os.path.join(base, "raw.bin"), os.F_OK), os.access(os.path.join(base, "nope"), os.F_OK),
      os.access(os.path.join(base, "raw.bin"), os.R_OK | os.W_OK))

os.utime(os.path.join(base, "raw.bin"), (1000000000, 1234567890))
st = os.stat(os.path.join(base, "raw.bin"))
print(st.st_mtime, st.st_atime, st.st_mtime_ns, st[8])

cwd = os.getcwd()
os.chdir(base)
print(sorted(os.listdir()), os.path.exists("raw.bin"))
os.chdir(cwd)

os.remove(os.path.join(base, "raw.bin"))
os.unlink(os.path.join(base, "a", "b", "two.txt"))
os.remove(os.path.join(base, "a", "b", "uno.txt"))
os.removedirs(os.path.join(base, "a", "b", "c"))
print(os.path.exists(os.path.join(base, "a")), os.path.exists(base))
os.mkdir(base)
os.rmdir(base)
print(os.path.exists(base))

os.environ["RYTHON_OS_TEST"] = "v1"
print(os.environ["RYTHON_OS_TEST"], os.getenv("RYTHON_OS_TEST"), os.environb[b"RYTHON_OS_TEST"], "RYTHON_OS_TEST" in os.environ)
del os.environ["RYTHON_OS_TEST"]
print(os.getenv("RYTHON_OS_TEST", "gone"), os.environ.get("RYTHON_OS_TEST"))
print(os.fsencode("a\xe9b"), os.fsdecode(b"a\xc3\xa9b"), os.fspath("x"), os.fspath(b"y"))
print(len(os.urandom(16)), type(os.cpu_count()).__name__, os.getpid() > 0, os.getppid() > 0, os.isatty(0))
print(os.strerror(2), os.strerror(13), os.strerror(17))
print(os.curdir, os.pardir, os.sep, os.extsep, os.pathsep, repr(os.linesep), os.devnull, os.altsep, os.SEEK_END)
