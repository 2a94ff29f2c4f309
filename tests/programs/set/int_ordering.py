print({5, 3, 1, 4}, {100, 1, 10}, {-1, -2, 0}, set(range(10, 0, -1)))
s = set()
for i in [9, 8, 33, 1]:
    s.add(i)
print(s, list(s), s.pop(), s)
