# __init__ entered by CALL: zero-argument super(), the caller seen through
# sys._getframe, metaclass __call__, __slots__, errors and tracebacks.
import sys
class A:
    def __init__(self, x):
        self.x = x
class B(A):
    def __init__(self, x, y=2):
        super().__init__(x)
        self.y = y
        self.caller = sys._getframe(1).f_code.co_name
def make():
    return B(1)
b = make()
print(b.x, b.y, b.caller, type(b).__name__)
class M(type):
    def __call__(cls, *a):
        print("meta call", a)
        return super().__call__(*a)
class C(metaclass=M):
    def __init__(self, v):
        self.v = v
print(C(5).v)
class S:
    __slots__ = ("a",)
    def __init__(self, a):
        self.a = a
print(S(3).a)
class G:
    def __init__(self, n):
        self.items = [i * i for i in range(n)]
        yield_ok = True
print(G(4).items)
def f():
    try:
        B()
    except TypeError as e:
        print("TE", e)
f()
class W:
    def __init__(self):
        raise ValueError("in init")
try:
    W()
except ValueError as e:
    tb, names = e.__traceback__, []
    while tb:
        names.append(tb.tb_frame.f_code.co_name)
        tb = tb.tb_next
    print(names)
