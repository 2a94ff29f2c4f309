items = [1, 2, 3]
g = (x * y for x in items for y in range(x))
print(list(g))
try:
    g2 = (x for x in 5)
except TypeError as e:
    print("eager", e)
def lazy():
    raise ValueError("lazy")
g3 = (x for x in [1] if lazy())
try:
    next(g3)
except ValueError as e:
    print("lazy raised", e)
g4 = (i for i in range(3))
print(g4.__name__, 1 in g4, list(g4))
