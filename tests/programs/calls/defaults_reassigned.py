def f(a, b=2):
    return a, b
f.__defaults__ = (10, 20, 30)
print(f(1), f(1, 5))
try:
    print(f())
except TypeError as e:
    print(e)
def g(a, b, c):
    return a, b, c
g.__defaults__ = (7, 8, 9, 10)
print(g(1), g())
print(f(b=4, a=3), g(a=0), g(c=5))
try:
    f(1, 2, 3)
except TypeError as e:
    print(e)
def h(a, *, k=1):
    return a, k
h.__defaults__ = (1, 2)
print(h(), h(5, k=6))
