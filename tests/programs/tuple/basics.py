t = (1, "a", 2.5)
print(t, len(t), t[1], t[-1], t[:2], t + (4,), t * 2, (1,), (), tuple("ab"), tuple([1, 2]))
print(t.count(1), t.index("a"), 1 in t, (1, 2) < (1, 2, 3), (2,) > (1, 5), hash((1, 2)) == hash((1, 2)))
a, b, c = t
print(a, b, c)
try:
    t[0] = 5
except TypeError as e:
    print(e)
try:
    hash((1, [2]))
except TypeError as e:
    print(e)
try:
    x, y = t
except ValueError as e:
    print(e)
try:
    x, y, z, w = t
except ValueError as e:
    print(e)
print(repr((1,)), repr(((),)), str((None, True)))
print(tuple(x * 2 for x in range(3)), type(()).__name__)
