# Classes called with a Python __init__ run it in the calling eval loop:
# defaults, a non-None return, __new__ overrides, keyword-only and abstract
# classes, exception subclasses, argument errors, __del__, deep recursion.
class A:
    def __init__(self, x, y=2):
        self.x = x
        self.y = y
class R:
    def __init__(self):
        return 1
class N:
    def __new__(cls, *a):
        print("new", a)
        return super().__new__(cls)
    def __init__(self, a):
        print("init", a)
class K:
    def __init__(self, *, k=1):
        self.k = k
class Abs:
    __abstractmethods__ = frozenset({"m"})
    def __init__(self): pass
class E(Exception):
    def __init__(self, a):
        super().__init__(a)
class D:
    def __init__(self, v):
        self.v = v
    def __del__(self):
        print("del", self.v)
for i in range(3):
    a = A(i); print(vars(a), A(i, 5).y)
    try: R()
    except TypeError as e: print(e)
    N(i); print(K(k=i).k)
    try: Abs()
    except TypeError as e: print(e)
    print(repr(E(i)))
    try: A()
    except TypeError as e: print(e)
    try: A(1, 2, 3)
    except TypeError as e: print(e)
    D(i)
    print(type(A).__name__)
def deep(n):
    return A(deep(n - 1)) if n else 0
import sys
try: deep(5000)
except RecursionError as e: print("rec", e)
R()
