import sys
class S:
    __slots__ = ("a", "__dict__")
s = S(); s.a = 1; s.b = 2
print(s.a, s.b, vars(s))
del s.a
try: s.a
except AttributeError as e: print(e)
class M:
    pass
m = M()
for i in range(35):
    setattr(m, "a%d" % i, i)
print(len(vars(m)), m.a34)
n = M(); n.zz = 1; print(vars(n))
def g():
    yield from range(3)
    return 7
def h():
    r = yield from g()
    yield r
print(list(h()))
sys.setrecursionlimit(60)
def rec(n):
    if n: yield from rec(n-1)
    else: yield 1
try:
    print(list(rec(100)))
except RecursionError as e:
    print("RecursionError", e)
sys.setrecursionlimit(1000)
class D(dict): pass
d = D(a=1); print(d["a"])
class L(list): pass
l = L([1,2]); print(l[0], l[-1])
t = (1, 2); print(t[True], [5,6][False])
class P:
    def __init__(self): self.x = 1
p = P(); p.__dict__.clear(); print(hasattr(p, "x"))
p.x = 5; print(p.x, vars(p))
class Q(P): pass
q = Q(); print(q.x); del q.x; q.x = 9; print(q.x)
print(str.__dict__["upper"].__get__("a")())
