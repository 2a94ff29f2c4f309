s = {1, 2, 3}
print(sorted(s.union(range(5, 7))), sorted(s.difference([1], (2,))), sorted(s.symmetric_difference("ab")) if False else "skip")
s.update([4], {5}); s.intersection_update(range(2, 10)); s.difference_update([5]); s.symmetric_difference_update({9, 2})
print(sorted(s))
try:
    s | [1]
except TypeError as e:
    print(e)
print({1, 2} == frozenset({1, 2}), {1} < {1, 2}, {1, 2} > {1}, {1, 2}.issubset([1, 2, 3]))
c = s.copy(); c.clear(); print(c, s != c, len(s))
