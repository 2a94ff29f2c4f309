a = [1, 2]
b = (3, 4)
print(*a, *b)
print([*a, *b, 5], (*a,), {*a, *b} == {1, 2, 3, 4}, {**{"x": 1}, "y": 2})
def f(*args, **kwargs): return args, kwargs
print(f(*a, 0, *b, k=1, **{"z": 2}))
x = *a, *b
print(x)
for v in *a, 9:
    print(v)
def g():
    return *a, 7
print(g())
print([*range(3), *"ab"])
