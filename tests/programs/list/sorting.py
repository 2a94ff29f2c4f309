data = [("b", 2), ("a", 2), ("c", 1), ("a", 1)]
print(sorted(data), sorted(data, key=lambda t: t[1]), sorted(data, key=lambda t: (t[1], t[0]), reverse=True))
l = [5, 3, 9, 1]
print(sorted(l), l, sorted(l, reverse=True), list(reversed(l)))
class K:
    def __init__(self, v): self.v = v
    def __lt__(self, o): return self.v < o.v
    def __repr__(self): return f"K{self.v}"
print(sorted([K(3), K(1), K(2)]), max([K(3), K(5)], key=lambda k: k.v))
import functools
print(sorted([3, 1, 2], key=functools.cmp_to_key(lambda a, b: b - a)))
s = [1, 1.0, True]
print(sorted(s), sorted([0.5, -1, 2]))
