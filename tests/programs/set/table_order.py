s = set()
for i in range(0, 200, 7):
    s.add(i * 13 % 101)
print(s)
for i in range(0, 101, 3):
    s.discard(i)
print(s, len(s))
s.update(range(90, 120))
print(s)
print(set('abracadabra') == set('abrcd'), sorted(set('abracadabra')))
t = {1, 2, 3, 100, -7, 2 ** 40}
print(t, t.pop(), t.pop(), t)
print({1, 2} | {2, 3, 4, 5, 6, 7, 8, 9, 10}, {9, 8, 7} & {7, 8}, {5, 6, 7} - {6}, {1, 2} ^ {2, 3})
print(frozenset(range(20, 0, -3)), set([frozenset({1}), frozenset({2})]))
u = set(range(50))
u.difference_update(range(0, 50, 2))
print(u)
u.intersection_update(range(10, 30))
print(u)
u.symmetric_difference_update({11, 12, 13})
print(u, u.issubset(range(100)), u.issuperset([15, 17]), u.isdisjoint([1, 2]))
class S(set):
    pass
print(S([3, 1]), S() | {1}, type(S() | {1}).__name__, type(frozenset() | {1}).__name__)
try:
    for x in u:
        u.add(x + 1000)
except RuntimeError as e:
    print(e)
