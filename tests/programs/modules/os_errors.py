import errno
import os

base = "/tmp/rython_os_errors_%d" % os.getpid()


def show(f, *args):
    try:
        f(*args)
    except OSError as e:
        fn = e.filename.replace(base, "<BASE>") if isinstance(e.filename, str) else e.filename
        fn2 = e.filename2.replace(base, "<BASE>") if isinstance(e.filename2, str) else e.filename2
        print(type(e).__name__, e.errno, errno.errorcode.get(e.errno), e.strerror, repr(fn), repr(fn2))
        print("  ", str(e).replace(base, "<BASE>"))
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)


os.mkdir(base)
with open(os.path.join(base, "f.txt"), "w") as f:
    f.write("x")
os.mkdir(os.path.join(base, "d"))
with open(os.path.join(base, "d", "inner"), "w") as f:
    f.write("y")

show(os.stat, "nope")
show(os.stat, b"nope")
show(os.lstat, "nope/deeper")
show(os.listdir, "nope")
show(os.listdir, os.path.join(base, "f.txt"))
show(os.mkdir, base)
show(os.mkdir, os.path.join(base, "no", "such"))
show(os.rmdir, os.path.join(base, "d"))
show(os.rmdir, os.path.join(base, "f.txt"))
show(os.rmdir, "nope")
show(os.unlink, "nope")
show(os.remove, os.path.join(base, "d"))
show(os.rename, "nope", "other")
show(os.replace, os.path.join(base, "f.txt"), os.path.join(base, "d"))
show(os.chdir, "nope")
show(os.chdir, os.path.join(base, "f.txt"))
show(os.readlink, os.path.join(base, "f.txt"))
show(os.open, "nope", os.O_RDONLY)
show(os.open, os.path.join(base, "f.txt"), os.O_WRONLY | os.O_CREAT | os.O_EXCL)
show(os.symlink, "x", os.path.join(base, "f.txt"))
show(os.read, 987, 1)
show(os.close, 987)
show(os.fstat, 987)
show(os.stat, "a\0b")
show(os.stat, 1.5)
show(os.mkdir, None)
show(os.listdir, 2.5)
show(os.putenv, "A=B", "c")
show(os.fspath, 3)
show(os.makedirs, base)

try:
    open("nope")
except FileNotFoundError as e:
    print(e, e.args)

try:
    os.stat("nope")
except OSError as e:
    print(isinstance(e, FileNotFoundError), e.args, e.errno == errno.ENOENT)

os.makedirs(base, exist_ok=True)
os.unlink(os.path.join(base, "d", "inner"))
os.rmdir(os.path.join(base, "d"))
os.remove(os.path.join(base, "f.txt"))
os.rmdir(base)
os.stat("nope-at-the-end")
