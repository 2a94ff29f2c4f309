s = {3, 1, 2}
s.add(4); s.discard(10); s.remove(1)
print(sorted(s), len(s), 2 in s, 9 not in s)
a, b = {1, 2, 3}, {2, 3, 4}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(a ^ b), a <= b, {2} < a, a.isdisjoint({9}))
print(sorted(a.union([7], (8,))), sorted(a.intersection(b, {3})), a.issubset(range(5)), a.issuperset([1]))
c = set(); print(c, set("aab") == {"a", "b"}, {1, 1.0, True}, len({0, False, 0.0}))
a |= {10}; a &= {1, 2, 10}; a -= {1}; a ^= {5}
print(sorted(a))
print({1, 2, 3}, {(1, 2)}, set([3, 2, 1]), frozenset([2, 1]), set())
