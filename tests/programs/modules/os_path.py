import os
import os.path
import posixpath
import stat

print(os.path is posixpath, os.path.sep, os.path.curdir)

for p in ["", "/", "//", "///", "a", "a/", "/a", "a/b", "a/b/", "/a/b/c", "//a//b", "a//b//", ".", ".."]:
    print(repr(p), os.path.split(p), repr(os.path.basename(p)), repr(os.path.dirname(p)),
          repr(os.path.normpath(p)), os.path.isabs(p), os.path.splitroot(p))

for p in ["a.txt", "a.tar.gz", ".bashrc", "..x", "a/.b", "a.b/c", "a.", "...", "/x/y.z/", "noext", b"x.py"]:
    print(repr(p), os.path.splitext(p))

print(os.path.join("a"), os.path.join("a", ""), os.path.join("", "b"), os.path.join("a/", "b"),
      os.path.join("a", "/b", "c"), os.path.join(b"a", b"b"), os.path.join("", ""))
print(os.path.normpath("./a/./b/../../.."), os.path.normpath("/../../a"), os.path.normpath("a/../.."),
      os.path.normpath(b"//x/./y/"), os.path.normpath("///x//y"))
print(os.path.commonprefix(["interstellar", "internet", "interval"]), repr(os.path.commonprefix([])),
      os.path.commonprefix([[1, 2, 3], [1, 2, 4]]))
print(os.path.commonpath(["/usr/lib", "/usr/local/lib"]), os.path.commonpath(["a/b/c", "a/b/d", "a/./b"]),
      os.path.commonpath([b"/x/y", b"/x/z"]), repr(os.path.commonpath(["a", "b"])))
for bad in ([], ["/a", "b"]):
    try:
        os.path.commonpath(bad)
    except ValueError as e:
        print("ValueError", e)

print(os.path.relpath("/a/b/c", "/a/x"), os.path.relpath("/a", "/a"), os.path.relpath("/a/b", "/"),
      os.path.relpath("/", "/a/b"), os.path.relpath(b"/x/y", b"/x"))
try:
    os.path.relpath("")
except ValueError as e:
    print("ValueError", e)

home = os.environ["HOME"]
print(os.path.expanduser("~") == home, os.path.expanduser("~/x") == os.path.join(home, "x"),
      os.path.expanduser("a~"), os.path.expanduser("~nosuchuser_rython/x"))
os.environ["RYTHON_V"] = "val"
print(os.path.expandvars("$RYTHON_V/${RYTHON_V}/$NO_SUCH_V/${NO_SUCH}/$/a$"), os.path.expandvars(b"$RYTHON_V-x"),
      os.path.expandvars("${RYTHON_V"), os.path.expandvars("$RYTHON_V.ext"))

print(os.path.abspath("x") == os.path.join(os.getcwd(), "x"), os.path.abspath("/a/../b"),
      os.path.isabs(b"/x"), os.path.normcase("AbC"), os.path.splitdrive("/a/b"))
print(os.path.exists("os_path.py"), os.path.exists("nope"), os.path.isfile("os_path.py"), os.path.isfile("."),
      os.path.isdir("os_path.py"), os.path.islink("os_path.py"), os.path.lexists("os_path.py"),
      os.path.exists("a\0b"), os.path.ismount("/"), os.path.ismount("."))
print(os.path.getsize("os_path.py") == os.stat("os_path.py").st_size, os.path.samefile("os_path.py", "./os_path.py"),
      os.path.realpath("/usr/../usr/./bin") == os.path.realpath("/usr/bin"), os.path.realpath("/") == "/")


class P:
    def __init__(self, p):
        self.p = p

    def __fspath__(self):
        return self.p


print(os.path.join(P("a"), P("b")), os.fspath(P("x")), os.path.basename(P("/q/r")), isinstance(P("x"), os.PathLike),
      isinstance("x", os.PathLike), issubclass(P, os.PathLike))
for bad in [(1,), ("a", 1), ("a", b"b")]:
    try:
        os.path.join(*bad)
    except TypeError as e:
        print("TypeError", e)
try:
    os.fspath(1)
except TypeError as e:
    print("TypeError", e)
print(stat.filemode(0o100644), stat.filemode(0o40755), stat.filemode(0o120777), stat.S_ISDIR(os.stat(".").st_mode),
      stat.S_IMODE(0o104755), stat.S_IFMT(0o104755) == stat.S_IFREG)
