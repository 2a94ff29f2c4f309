def check(f):
    try:
        r = f()
        print('ok', r)
    except Exception as e:
        print(type(e).__name__ + ':', e)
class A: pass
class B: pass
a = A()
a.__class__ = B
print(type(a).__name__)
class Sl:
    __slots__ = ('x',)
check(lambda: setattr(A(), '__class__', Sl))
class X(A): pass
X.__bases__ = (B,)
print(X.__mro__)
check(lambda: setattr(X, '__bases__', ()))
check(lambda: setattr(X, '__bases__', (1,)))
check(lambda: setattr(X, '__name__', 5))
X.__name__ = 'Y'; print(X.__name__, X.__qualname__, X)
X.__qualname__ = 'Q.Y'; print(X)
class M(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        print('prepare', name, kw)
        return {'pre': 1}
    def __call__(cls, *a, **k):
        print('call', cls.__name__, a, k)
        return super().__call__(*a, v=k['v'])
class K(metaclass=M):
    def __init__(self, v=0):
        self.v = v
    def __init_subclass__(cls, **kw):
        pass
print(K(v=5).v, K.pre)
class GA:
    def __getattribute__(self, n):
        if n == 'magic':
            return 42
        return object.__getattribute__(self, n)
g = GA(); g.y = 3
print(g.magic, g.y)
check(lambda: g.z)
class DataD:
    def __get__(self, o, t): return 'data'
    def __set__(self, o, v): pass
class NonD:
    def __get__(self, o, t): return 'nondata'
class Prec:
    d = DataD(); n = NonD()
pr = Prec(); pr.__dict__['d'] = 'inst'; pr.__dict__['n'] = 'inst'
print(pr.d, pr.n)
class CM:
    @classmethod
    def m(cls, x): return (cls.__name__, x)
    @staticmethod
    def s(x): return x * 2
class CM2(CM): pass
print(CM2().m(1), CM2.m(2), CM.s(3), CM().s(4), CM.__dict__['s'](5))
class PD:
    def __init__(self): self._x = 1
    def _del(self): print('deleting'); del self._x
    x = property(lambda s: s._x, None, _del, 'the doc')
p = PD(); del p.x; print(PD.x.__doc__, hasattr(p, '_x'))
class Ab:
    pass
Ab.__abstractmethods__ = frozenset({'f', 'g'})
check(lambda: Ab())
del Ab.__abstractmethods__
print(type(Ab()).__name__)
class H1:
    def __hash__(self): return 7
class H2(H1):
    def __eq__(self, o): return False
print(hash(H1()), H2.__hash__ is None)
class E:
    def __eq__(self, o): return 'eqres'
print(E() != E(), E() == 1)
class SD:
    __slots__ = ('a', '__dict__')
sd = SD(); sd.a = 1; sd.b = 2; print(sd.a, sd.__dict__)
print(A.__weakref__, A().__weakref__ is None)
check(lambda: object.__setattr__(int, 'x', 1))
check(lambda: int.__new__(A))
check(lambda: type.__call__(int, '5'))
check(lambda: object.__init__(A(), 1))
class NI:
    def __new__(cls, *a): return object.__new__(cls)
print(type(NI(1, 2)).__name__)
class II:
    def __init__(self, *a): pass
print(type(II(1, 2)).__name__)
check(lambda: type('Bad', (), {'__slots__': ('1a',)}))
check(lambda: type('Bad', (), {'__qualname__': 5}))
check(lambda: type(1, 2, 3))
check(lambda: type('T', (), {}).mro())
print(type.__instancecheck__(int, 1), type.__subclasscheck__(int, bool))
print(dir(A()) == sorted(object.__dir__(A())))
print(sorted(set(dir(A)) - set(dir(object))))
class Fmt:
    def __str__(self): return 'S'
print(format(Fmt()), f'{Fmt()}', '{}'.format(Fmt()))
class Neg:
    def __neg__(self): return 'neg'
    def __invert__(self): return 'inv'
    def __abs__(self): return 'abs'
    def __index__(self): return 3
print(-Neg(), ~Neg(), abs(Neg()), [1, 2, 3, 4][Neg()], bin(Neg()))
class IA:
    def __init__(self): self.v = []
    def __iadd__(self, o): self.v.append(o); return self
ia = IA(); ia += 1; ia += 2; print(ia.v)
class PW:
    def __pow__(self, o, m=0): return ('pow', o, m)
    def __rpow__(self, o): return ('rpow', o)
print(PW() ** 2, pow(PW(), 2, 5), 2 ** PW(), PW().__pow__(3))
