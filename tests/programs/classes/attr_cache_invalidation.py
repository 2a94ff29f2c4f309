# Attribute lookups at one site must see every change to classes, instances
# and modules, however often the site ran before.
import math
import types


class A:
    x = "class x"

    def m(self):
        return "A.m"


class B(A):
    def m(self):
        return "B.m"


def get_x(o):
    return o.x


def call_m(o):
    return o.m()


def set_y(o, v):
    o.y = v


a, b = A(), B()
for _ in range(3):
    print(get_x(a), get_x(b), call_m(a), call_m(b))

# An instance attribute shadows the class attribute and the method.
a.x = "inst x"
a.m = lambda: "instance m"
print(get_x(a), call_m(a))
del a.x, a.m
print(get_x(a), call_m(a))

# Changing the class, or a base, after the site is warm.
A.x = "new class x"
print(get_x(a), get_x(b))
A.m = lambda self: "patched A.m"
print(call_m(a), call_m(b))
del B.m
print(call_m(b))

# A data descriptor added later wins over the instance dict.
a.z = "inst z"


def get_z(o):
    return o.z


print(get_z(a))
A.z = property(lambda self: "property z")
print(get_z(a))
A.z = 42  # a plain class attribute no longer shadows the instance
print(get_z(a))

# __getattr__ added later handles missing names.
def get_q(o):
    try:
        return o.q
    except AttributeError as e:
        return f"AttributeError: {e}"


print(get_q(a))
A.__getattr__ = lambda self, name: f"getattr {name}"
print(get_q(a), get_q(b))
del A.__getattr__
print(get_q(a))

# Replacing __dict__ or __class__.
set_y(a, 1)
set_y(a, 2)
print(a.y, a.__dict__)
a.__dict__ = {"y": "fresh", "x": "fresh x"}
print(get_x(a), a.y)
set_y(a, 3)
print(a.__dict__)
a.__class__ = B
print(call_m(a))


# Many types through one site.
class C1:
    v = 1


class C2:
    v = 2


class C3:
    def __init__(self):
        self.v = 3


class C4:
    __slots__ = ("v",)

    def __init__(self):
        self.v = 4


class C5:
    @property
    def v(self):
        return 5


def get_v(o):
    return o.v


objs = [C1(), C2(), C3(), C4(), C5(), types.SimpleNamespace(v=6)]
for _ in range(3):
    print([get_v(o) for o in objs])
c4 = C4()
del c4.v
try:
    get_v(c4)
except AttributeError as e:
    print("AttributeError:", e)

# Dict layout changes between hits.
c = C3()
for i in range(5):
    setattr(c, f"extra{i}", i)
    print(get_v(c), end=" ")
del c.v
try:
    get_v(c)
except AttributeError as e:
    print("AttributeError:", e)

# Module attributes.
def get_pi(m):
    return m.pi


print(get_pi(math))
m = types.ModuleType("m")
m.pi = 3
print(get_pi(m))
del m.pi
try:
    get_pi(m)
except AttributeError as e:
    print("AttributeError:", e)
m.__getattr__ = lambda name: f"module getattr {name}"
print(get_pi(m))


# A descriptor's own class gains __set__ after the site is warm: the
# descriptor becomes a data descriptor and wins over the instance dict.
class Desc:
    def __get__(self, obj, cls):
        return "from descriptor"


class H:
    d = Desc()


h = H()
h.__dict__["d"] = "from instance"


def get_d(o):
    return o.d


print(get_d(h), get_d(h))
Desc.__set__ = lambda self, obj, value: None
print(get_d(h), get_d(h))
del Desc.__set__
print(get_d(h))
