# __slots__ members read and written through the attribute cache: empty
# slots, deletion, a member copied into an unrelated class, a property
# replacing a member, cycles through slots.
class A:
    __slots__ = ("x", "y")
class B(A):
    __slots__ = ("z",)
def rd(o):
    try: return o.x
    except AttributeError as e: return "AE: %s" % e
def wr(o, v):
    try: o.x = v
    except Exception as e: return type(e).__name__ + ": " + str(e)
a = A(); b = B()
for i in range(3):
    print(rd(a), rd(b)); wr(a, i); wr(b, i * 10)
    print(rd(a), rd(b))
    del a.x
    print(rd(a))
class C:
    __slots__ = ("q",)
    x = A.__dict__["x"]
c = C()
for i in range(3):
    print(rd(c), wr(c, 5))
class D:
    __slots__ = ("x", "__dict__")
d = D()
for i in range(3):
    d.x = i; print(d.x, rd(d))
A.x = property(lambda s: 42)
print(rd(a), rd(b))
import gc
class N:
    __slots__ = ("o",)
n = N()
for i in range(3):
    n.o = n
del n; print(gc.collect() >= 1)
