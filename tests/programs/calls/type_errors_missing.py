def f(a, b, c): pass
def g(a, *, k): pass
def h(a, /, b): pass
def m(self): pass
class C:
    def meth(self, x): pass
    def __init__(self, v): pass
calls = [
    lambda: f(),
    lambda: f(1),
    lambda: f(1, 2),
    lambda: f(1, 2, 3, 4),
    lambda: f(1, 2, 3, d=4),
    lambda: f(1, 2, 3, a=4),
    lambda: g(1),
    lambda: g(1, 2),
    lambda: g(1, k=2, j=3),
    lambda: h(a=1, b=2),
    lambda: C(1).meth(),
    lambda: C(1).meth(1, 2),
    lambda: C(),
    lambda: C(1, 2),
    lambda: m(),
    lambda: (lambda: 0)(1),
    lambda: f(*[1], **{"b": 2}),
    lambda: f(1, **{"a": 2}),
]
for c in calls:
    try:
        c()
    except TypeError as e:
        print(e)
