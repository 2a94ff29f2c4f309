f = lambda: 1
g = lambda x, y=2, *a, k=3, **kw: (x, y, a, k, kw)
h = lambda x, /, y: x - y
print(f(), g(1), g(1, 2, 3, k=4, z=5), h(5, y=3))
print((lambda *args: sum(args))(1, 2, 3))
print(sorted([3, 1, 2], key=lambda v: -v))
adders = [lambda x, i=i: x + i for i in range(3)]
print([a(10) for a in adders])
print((lambda: (yield))().__class__.__name__)
print(f.__name__, f.__qualname__)
