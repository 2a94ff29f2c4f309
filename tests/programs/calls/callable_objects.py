class Adder:
    def __init__(self, n): self.n = n
    def __call__(self, x, *, scale=1): return (self.n + x) * scale
a = Adder(5)
print(a(1), a(1, scale=2), callable(a), callable(Adder))
class M:
    def method(self, x): return x
    @classmethod
    def cm(cls, x): return cls.__name__, x
    @staticmethod
    def sm(x): return x
m = M()
bound = m.method
print(bound(3), bound.__self__ is m, bound.__func__ is M.method, M.method(m, 4), M.cm(1), m.cm(2), M.sm(3), m.sm(4))
import functools
p = functools.partial(pow, 2)
print(p(5), functools.partial(sorted, reverse=True)([1, 3, 2]))
class NotCallable: pass
try:
    NotCallable()()
except TypeError as e:
    print(e)
