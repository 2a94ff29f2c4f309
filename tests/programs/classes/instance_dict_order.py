# Instance attributes keep insertion order per instance, whatever order
# other instances of the class used, through deletes, re-adds and copies.
import copy


class P:
    pass


a, b = P(), P()
a.x, a.y, a.z = 1, 2, 3
b.z, b.y, b.x = 3, 2, 1
print(vars(a), vars(b))
c = P()
c.y = 20
c.x = 10
print(c.__dict__, c.x, c.y)
del a.y
print(a.__dict__)
a.y = "again"
print(a.__dict__, a.y)
try:
    del a.q
except AttributeError as e:
    print("AttributeError:", e)
try:
    a.q
except AttributeError as e:
    print("AttributeError:", e)

# Many attribute names on one class.
many = P()
for i in range(40):
    setattr(many, f"attr{i}", i)
print(len(vars(many)), many.attr0, many.attr39, list(vars(many))[:3])
other = P()
other.attr39 = "x"
other.fresh = "y"
print(vars(other))

# __dict__ taken, then changed both ways.
d = P()
d.k = 1
dd = d.__dict__
dd["m"] = 2
d.n = 3
print(d.m, dd, vars(d) is dd)
d.__dict__ = {"only": True}
print(vars(d), hasattr(d, "k"))
del d.__dict__
print(vars(d))
d.again = 1
print(vars(d))

# Copies and state.
e = P()
e.a, e.b = [1], "two"
f = copy.copy(e)
g = copy.deepcopy(e)
print(vars(f), vars(g), f.a is e.a, g.a is e.a)
print(e.__getstate__(), P().__getstate__())
print(e.__reduce_ex__(2)[2])


class Q:
    def __init__(self):
        self.q = "q"


e.__class__ = Q
print(vars(e), e.a)
print(sorted(k for k in dir(e) if not k.startswith("__")))


# Subclasses keep their own keys.
class R(P):
    def __init__(self, n):
        self.n = n
        self.sq = n * n


rs = [R(i) for i in range(5)]
print([vars(r) for r in rs[:2]], sum(r.sq for r in rs))
x = R(3)
x.extra = "e"
del x.n
print(vars(x), getattr(x, "n", "no n"))
