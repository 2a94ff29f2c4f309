# Range, slice, complex, property... attributes that CPython keeps as
# read-only member descriptors.
def t(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
def setter(o, n, v=3):
    def f():
        setattr(o, n, v)
    return f
def deleter(o, n):
    def f():
        delattr(o, n)
    return f
p = property(len)
for o, n in [(range(5), 'start'), (range(5), 'stop'), (range(1, 5, 2), 'step'), (slice(1, 2), 'start'), (slice(1), 'step'), (1j, 'real'), (1j, 'imag'), (p, 'fget'), (p, 'fset'), (p, 'fdel'), (staticmethod(len), '__func__'), (classmethod(len), '__wrapped__'), ((lambda: 0), '__globals__'), ((lambda: 0), '__builtins__'), (1.5, 'real'), (1, 'imag')]:
    d = [c.__dict__[n] for c in type(o).__mro__ if n in c.__dict__][0]
    print(type(o).__name__, n, type(d).__name__, repr(d) if 'member' in repr(d) or 'attribute' in repr(d) else '')
    t(setter(o, n)); t(deleter(o, n))
    t(lambda: d.__get__(o) is getattr(o, n) or d.__get__(o) == getattr(o, n))
    t(lambda: d.__get__(None, type(o)) is d)
    t(lambda: d.__set__(o, 1))
    t(lambda: d.__get__(42))
    t(lambda: d.__name__); t(lambda: d.__objclass__.__name__)
print(type(range.start).__name__, type(slice.stop).__name__, type(complex.real).__name__)
class R:
    __slots__ = ('a',)
r = R(); r.a = 1; print(r.a); del r.a; t(lambda: r.a)
