it = iter(range(3))
print(list(it), list(it))
z = zip([1, 2, 3], [4, 5])
print(next(z), list(z))
m = map(int, ["1", "2"])
print(list(m), list(m))
e = enumerate([])
print(list(e))
g = (x for x in [1])
print(next(g), next(g, None))
d = {"a": 1}
it = iter(d)
d["b"] = 2
try:
    next(it)
except RuntimeError as e:
    print(e)
