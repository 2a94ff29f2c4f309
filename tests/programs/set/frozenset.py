f = frozenset([1, 2, 3])
print(f, hash(f) == hash(frozenset([3, 2, 1])), f | {4}, type(f | {4}).__name__, type({4} | f).__name__)
d = {f: "key"}
print(d[frozenset({1, 2, 3})], frozenset() == set(), f == {1, 2, 3})
print(sorted({frozenset({1}), frozenset({1}), frozenset({2})}, key=min))
print({x % 3 for x in range(10)}, set(range(5)) - {0})
