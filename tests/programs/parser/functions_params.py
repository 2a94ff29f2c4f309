def f(a, b, /, c, d=4, *, e, f=6, **kw):
    return a, b, c, d, e, f, kw
print(f(1, 2, 3, e=5))
print(f(1, 2, c=3, d=0, e=5, g=7))
def g(*, only): return only
print(g(only=1))
def h(a, /): return a
print(h(1))
def k(a=1, /, b=2, *args, c, **rest): return a, b, args, c, rest
print(k(c=0), k(9, 8, 7, c=6, x=5))
def ann(x: int, y: "str" = "d") -> bool: return True
print(ann.__annotations__)
def defaults(a, b=[]):
    b.append(a); return b
print(defaults(1), defaults(2))
print(f.__defaults__, f.__kwdefaults__)
