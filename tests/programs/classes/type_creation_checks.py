def f(a, b=1): return a, b
f.__defaults__ = (5,)
print(f(0))
def g(a, *, k=1): return a, k
g.__kwdefaults__ = {'k': 9}
print(g(0))
class D:
    def __set_name__(self, owner, name): raise ValueError("boom")
try:
    class C:
        attr = D()
except ValueError as e:
    print(e, getattr(e, '__notes__', None))
try:
    type(1, x=1)
except TypeError as e: print(e)
class F:
    def __mro_entries__(self, bases): return (object,)
try:
    type("X", (F(),), {})
except TypeError as e: print(e)
try:
    type("X\x00", (), {})
except ValueError as e: print(e)
class B: pass
print(repr(super(B, B())).split(' at ')[0])
class DS(dict):
    def keys(self): return ['x']
    def __getitem__(self, k): return 'sub'
print(dict(DS(a=1)))
class D3(dict):
    def keys(self): return ['x']
    def __getitem__(self, k): return 'D[%s]' % k
    def __iter__(self): return iter(['x'])
d = D3(a=1)
print({**d}, dict(d), dict({}, **d))
def kw(**k): return k
print(kw(**d), kw(**DS(a=1)))
