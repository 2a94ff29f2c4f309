import sys
class C: pass
o = C()
base = sys.getrefcount(o)
refs = [o, o, o]
print(sys.getrefcount(o) - base)
d = {"k": o}
print(sys.getrefcount(o) - base)
del refs
print(sys.getrefcount(o) - base)
del d
print(sys.getrefcount(o) - base)
def f(x):
    return sys.getrefcount(x) - base
print(f(o) > 0)
print(sys.getrefcount(None) > 1000)
