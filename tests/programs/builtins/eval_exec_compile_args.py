# eval/exec/compile argument checks: mappings, flags, optimize, file names,
# bytes-like sources, NUL bytes, exec's closure.
import sys
class M:
    def __getitem__(self, k): return 42
    def keys(self): return []
tests = [
    lambda: eval("1", {}, 5),
    lambda: eval("1", 5),
    lambda: eval("1", {}, []),
    lambda: eval("x", {}, M()),
    lambda: eval("1", None, None),
    lambda: eval("1", {}, {}),
    lambda: eval("1", M()),
    lambda: eval(5),
    lambda: eval(b"1+1"),
    lambda: eval(bytearray(b"2+2")),
    lambda: eval(memoryview(b"3+3")),
    lambda: eval("1", globals=None),
    lambda: eval(source="1"),
    lambda: eval(),
    lambda: eval("1", {}, {}, 4),
    lambda: exec("1", {}, 1),
    lambda: exec("1", 1),
    lambda: exec("1", {}, []),
    lambda: exec("x = 1", {}, M()),
    lambda: exec(5),
    lambda: exec(bytearray(b"y = 1")),
    lambda: exec(memoryview(b"y = 1")),
    lambda: exec("1", None, None),
    lambda: exec("1", {}, None, closure=None),
    lambda: exec("1", {}, None, closure=(1,)),
    lambda: exec("1", {}, {}, 4),
    lambda: exec(),
    lambda: exec("1", globals={}),
    lambda: compile("1", "<x>", "eval", flags=0x100000000),
    lambda: compile("1", "<x>", "eval", flags=-1),
    lambda: compile("1", "<x>", "eval", optimize=3),
    lambda: compile("1", "<x>", "eval", optimize=-2),
    lambda: compile("1", "<x>", "eval", optimize=-1).co_filename,
    lambda: compile("1", b"<bytes>", "eval").co_filename,
    lambda: compile("1", 5, "eval"),
    lambda: compile("1", None, "eval"),
    lambda: compile("1", bytearray(b"<ba>"), "eval"),
    lambda: compile(bytearray(b"1+1"), "<x>", "eval").co_filename,
    lambda: eval(compile(memoryview(b"1+2"), "<x>", "eval")),
    lambda: compile("1", "<x>", "bogus"),
    lambda: compile("1", "<x>", 5),
    lambda: compile(5, "<x>", "eval"),
    lambda: compile("1", "<x>", "eval", flags="a"),
    lambda: compile("1", "<x>", "eval", optimize="a"),
    lambda: compile("1", "<x>", "eval", 0, False, 0, 9),
    lambda: compile("1", "<x>"),
    lambda: compile("1", "<x>", "eval", foo=1),
    lambda: compile("1\x00", "<x>", "eval"),
    lambda: compile(b"1\x00", "<x>", "eval"),
    lambda: eval("1\x00"),
    lambda: exec(b"\x00"),
    lambda: compile("1", "a\x00b", "eval"),
]
class PL:
    def __fspath__(self): return "<pathlike>"
tests.append(lambda: compile("1", PL(), "eval").co_filename)
for i, t in enumerate(tests):
    try:
        print(i, repr(t()))
    except Exception as e:
        print(i, type(e).__name__, e)
def outer():
    x = 5
    def inner():
        print("x is", x)
    return inner
f = outer()
exec(f.__code__, {}, closure=f.__closure__)
for t in [lambda: exec(f.__code__, {}, closure=(1,)), lambda: exec(f.__code__, {}),
          lambda: exec(f.__code__, {}, closure=list(f.__closure__)),
          lambda: exec(compile("1", "<x>", "exec"), {}, closure=f.__closure__),
          lambda: eval(f.__code__), lambda: exec("1", closure=f.__closure__),
          lambda: exec("1", {}, {}, f.__closure__)]:
    try:
        t()
    except TypeError as e:
        print("TypeError", e)
ns = {}
exec("a = 1\nb = a + 1", ns)
print(ns["a"], ns["b"], "__builtins__" in ns)
loc = {}
exec("c = 3", {}, loc)
print(loc)
print(eval("d + 1", {"d": 1}, None), eval(" \t2*3"), eval(b"  7"))
