try:
    e = ValueError("base")
    e.add_note("first note")
    e.add_note("second")
    raise e
except ValueError as err:
    print(err.__notes__, err.args, err.with_traceback(None) is err)
try:
    ValueError().add_note(5)
except TypeError as e:
    print(e)
e = OSError(2, "No such file", "path.txt")
print(e.errno, e.strerror, e.filename, str(e), type(e).__name__)
print(repr(OSError(2, "x")), type(OSError(2, "x")).__name__)
k = KeyError("key"); print(str(k), repr(k))
s = StopIteration(5); print(s.value)
u = UnicodeDecodeError("utf-8", b"\xff", 0, 1, "bad"); print(u, u.start, u.reason)
n = NameError("msg", name="nm"); print(n.name)
a = AttributeError("m", name="n", obj=1); print(a.name, a.obj)
print(SystemExit(3).code, SystemExit().code, BaseException("a", "b"))
