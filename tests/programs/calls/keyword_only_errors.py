def f(a, *, b, c=3): return a, b, c
for call in [lambda: f(1), lambda: f(1, 2), lambda: f(1, b=2, d=4), lambda: f(b=1), lambda: f()]:
    try:
        print(call())
    except TypeError as e:
        print(e)
def g(*, x, y, z): pass
try:
    g()
except TypeError as e:
    print(e)
def h(a, b, /, c, *, d, e): pass
try:
    h(1)
except TypeError as e:
    print(e)
try:
    h(1, 2, 3, 4)
except TypeError as e:
    print(e)
