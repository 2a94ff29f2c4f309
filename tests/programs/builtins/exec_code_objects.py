def outer():
    y = 1
    def inner(): return y
    return inner
for fn in (exec, eval):
    try:
        fn(outer().__code__)
    except Exception as e:
        print(type(e).__name__, e)
class A:
    def f(self): return __class__
try:
    exec(A.f.__code__, {})
except Exception as e:
    print(type(e).__name__, e)
def f(*a): return a
print(exec(f.__code__))
def args(a, b=2): pass
try:
    exec(args.__code__)
except Exception as e:
    print(type(e).__name__, e)
import math
print(math.comb(2**64, 2), math.perm(2**64, 2), math.comb(2**64, 5) % 1000)
from collections import deque
q = deque([1, 2])
try:
    for x in q: q.append(3)
except RuntimeError as e:
    print(e, list(q))
print(list(reversed(deque([1,2,3]))))
import types
def o():
    z = 1
    return lambda: z
f = o()
for args in [(1, {}), (f.__code__, 1), (f.__code__, {}), (f.__code__, {}, 5), (f.__code__, {}, 'n', 5), (f.__code__, {}, 'n', None, (1,)), (f.__code__, {}, 'n', None, f.__closure__), ((lambda: 1).__code__, {}, None, None, f.__closure__)]:
    try:
        g = types.FunctionType(*args); print(g.__name__, g())
    except Exception as e:
        print(type(e).__name__, e)
c = f.__code__.replace(co_name="renamed", co_flags=f.__code__.co_flags)
print(c.co_name, c.co_freevars, c is f.__code__)
try:
    f.__code__.replace(co_bogus=1)
except TypeError as e:
    print(e)
exec(compile("x = 1", "<s>", "exec").replace(co_filename="other"), d := {})
print(d["x"])
print(exec(outer.__code__, {}, closure=outer().__closure__ or None) if False else "ok")
