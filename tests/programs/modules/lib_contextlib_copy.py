import contextlib, copy, io, sys
@contextlib.contextmanager
def cm(x):
    print("enter", x)
    try:
        yield x * 2
    finally:
        print("exit", x)
with cm(3) as v: print(v)
try:
    with cm(1): raise ValueError("boom")
except ValueError as e: print("caught", e)
with contextlib.suppress(KeyError): {}['a']
print("suppressed")
class R:
    def close(self): print("closed")
with contextlib.closing(R()): pass
with contextlib.nullcontext(5) as n: print(n)
with contextlib.ExitStack() as st:
    st.callback(print, "cb1")
    st.enter_context(cm(9))
    st.callback(print, "cb2")
buf = io.StringIO()
with contextlib.redirect_stdout(buf): print("hidden")
print(repr(buf.getvalue()))
@cm(7)
def deco(): print("in deco")
deco()
a = [1, [2, 3], {'k': [4]}]; b = copy.deepcopy(a); b[1].append(9); b[2]['k'].append(5); print(a, b)
c = copy.copy(a); print(c is a, c[1] is a[1])
class P:
    def __init__(s, v): s.v = v
    def __repr__(s): return f"P({s.v!r})"
p = P([1]); q = copy.deepcopy(p); q.v.append(2); print(p, q, copy.copy(p).v is p.v)
class D:
    def __deepcopy__(s, memo): return "custom"
    def __copy__(s): return "shallow"
print(copy.deepcopy(D()), copy.copy(D()))
l = [1]; l.append(l); m = copy.deepcopy(l); print(m[1] is m, m is not l)
t = (1, [2]); print(copy.deepcopy(t) == t, copy.deepcopy((1, 2)) is not None)
