def f(a, b, c=3, d=4):
    return (a, b, c, d)
print(f(1, 2), f(1, 2, 5), f(1, b=9), f(d=0, c=1, b=2, a=3), f(*[1, 2], **{"d": 8}))
def g(*args, **kwargs):
    return args, sorted(kwargs.items())
print(g(), g(1, 2), g(a=1), g(1, *(2, 3), x=4, **{"y": 5}))
def h(a, *args, b, **kw): return a, args, b, kw
print(h(1, 2, 3, b=4, c=5))
print(f(**{"a": 1, "b": 2}), (lambda *a, **k: (a, k))(1, k=2))
