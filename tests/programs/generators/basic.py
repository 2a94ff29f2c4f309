def count(n):
    i = 0
    while i < n:
        yield i
        i += 1
g = count(3)
print(type(g).__name__, next(g), list(g), list(g))
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
import itertools
print(list(itertools.islice(fib(), 10)))
print(sum(x * x for x in range(10)), list(x for x in "ab" if x != "a"))
def empty():
    return
    yield
print(list(empty()))
g = count(2)
print(g.__name__, g.__qualname__, iter(g) is g)
