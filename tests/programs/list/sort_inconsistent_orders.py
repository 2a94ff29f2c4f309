# Orderings that are not consistent make the result depend on exactly which
# pairs listsort compares: these must match CPython's algorithm step for step.
nan = float('nan')
print(sorted([nan, 3, 1]))
print(sorted([3, nan, 2, 1]))
print(sorted([3.0, nan, 2.0, 1.0]))
print(sorted([1.0, nan, 0.0, nan, -1.0, 2.0, nan, 0.5]))
print(sorted([3, nan, 2, 1], reverse=True))
print(sorted([3, nan, 2, 1], key=lambda v: -v))
print(sorted([(3.0,), (nan,), (2.0,), (1.0,)]))
print(sorted([(3.0, 'a'), (nan, 'b'), (2.0, 'c'), (nan, 'd'), (1.0, 'e')]))
floats = [((i * 7919) % 1013) / 7 for i in range(300)]
for i in range(0, 300, 37):
    floats[i] = nan
s = sorted(floats)
print(s[:12], s[-12:])
print([i for i, v in enumerate(s) if v != v])
s = sorted(floats, reverse=True)
print(s[:12], [i for i, v in enumerate(s) if v != v])

# Sets are partially ordered by inclusion.
print(sorted([{1, 2}, {1}, {3}, {2}, set()]))
print(sorted([{1, 2}, {1}, {3}, {2}, set()], reverse=True))
print(sorted([frozenset(range(i % 5)) | {i % 3 + 10} for i in range(40)], key=len)[:10])
sets = [{(i * 37) % 7, (i * 11) % 5} for i in range(80)]
print(sorted(sets)[:15])
print(sorted(sets, reverse=True)[:15])

# A comparison that is not even antisymmetric.
class Rock:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        return (other.v - self.v) % 3 == 1
    def __repr__(self):
        return 'RPS'[self.v % 3] + str(self.v)
print(sorted(Rock(i * 5 % 11) for i in range(20)))
print(sorted((Rock(i * 5 % 11) for i in range(20)), reverse=True))
print(sorted(Rock(i) for i in range(100))[:20])
