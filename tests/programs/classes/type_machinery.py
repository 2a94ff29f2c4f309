# type machinery: class creation, slots, descriptors, super, wrappers
class Meta(type):
    def __new__(mcls, name, bases, ns, **kw):
        ns['tag'] = 'meta:' + name
        return super().__new__(mcls, name, bases, ns)
class Base(metaclass=Meta):
    def __init_subclass__(cls, flavor='plain', **kw):
        super().__init_subclass__()
        cls.flavor = flavor
class Sub(Base, flavor='spicy'):
    pass
print(Base.tag, Sub.tag, Sub.flavor, type(Sub).__name__, Sub.__mro__)
print(Sub.__bases__, Base.__subclasses__(), Sub.__base__)

class W(int):
    def __add__(self, other):
        return 'W+' + str(int.__add__(self, other))
print(W(1) + 2, 2 + W(1), int.__add__(W(5), 1), W(3).__add__(4))
print(int.__add__, W(2).__sub__.__name__, type(W(2).__sub__).__name__)
class R(int):
    def __radd__(self, other):
        return 'radd'
print(1 + R(2), R(2) + 1)

class P:
    def __init__(self):
        self._v = 0
    @property
    def v(self):
        return self._v
    @v.setter
    def v(self, val):
        self._v = val * 2
for op in ('set', 'del'):
    try:
        if op == 'set':
            type('Q', (), {'x': property(lambda s: 1)})().x = 5
        else:
            del type('Q', (), {'x': property(lambda s: 1)})().x
    except AttributeError as e:
        print('AttributeError:', e)
p = P(); p.v = 21; print(p.v)

class S:
    __slots__ = ('a', 'b')
s = S(); s.a = 'A'
print(s.a, S.a, type(S.a).__name__)
for f in (lambda: s.b, lambda: setattr(s, 'c', 1)):
    try:
        f()
    except AttributeError as e:
        print('AttributeError:', e)

class Eq:
    def __eq__(self, o):
        return True
try:
    hash(Eq())
except TypeError as e:
    print('TypeError:', e)

class A:
    def who(self):
        return 'A'
class B(A):
    def who(self):
        return 'B>' + super().who()
class C(B):
    def who(self):
        return 'C>' + super(B, self).who()
print(C().who(), B().who(), super(C, C()).who())
try:
    super(C, 1)
except TypeError as e:
    print('TypeError:', e)

for bad in [((A, B), {}), ((A, A), {}), ((bool,), {}), ((int, str), {})]:
    try:
        type('X', *bad)
    except TypeError as e:
        print('TypeError:', e)
try:
    type('X', (), {}, flavor=1)
except TypeError as e:
    print('TypeError:', e)
for f in [lambda: A(1), lambda: object.__new__(1), lambda: setattr(int, 'x', 1),
          lambda: list.append(1, 2), lambda: A.nope, lambda: object().__format__('x'),
          lambda: setattr(A(), '__class__', int)]:
    try:
        f()
    except (TypeError, AttributeError) as e:
        print(type(e).__name__ + ':', e)
print(object.__eq__, object.__init__, list.append, type.__dict__['__name__'])
print(A.__dict__['who'].__qualname__, A().who.__func__ is A.__dict__['who'])
print(type(A.__dict__).__name__, 'who' in A.__dict__, A.__dict__['__module__'])

class D:
    def __set_name__(self, owner, name):
        self.name = owner.__name__ + '.' + name
    def __get__(self, obj, objtype=None):
        return self if obj is None else 'D:' + self.name
class H:
    d = D()
print(H().d, H.d.name)

class Cnt:
    def __init__(self):
        self.n = 0
    def __len__(self):
        return 3
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError
        return i * 10
    def __contains__(self, x):
        return x == 'in'
    def __call__(self, *a, **k):
        return ('called', a, sorted(k))
c = Cnt()
print(len(c), list(c), 'in' in c, 'out' in c, c(1, z=2), bool(c))
class Mut:
    def __setattr__(self, n, v):
        object.__setattr__(self, n, v + '!')
m = Mut(); m.q = 'r'; print(m.q)
class G:
    def __getattr__(self, n):
        return 'missing:' + n
print(G().foo)
class L(list):
    pass
l = L('ab'); l.extra = 1
print(l, l.extra, l.__dict__, type(l).__mro__)
print(isinstance(l, list), issubclass(L, list), L.__flags__ & (1 << 9) != 0)
