a, *b = iter(range(5))
print(a, b)
first, second = map(str, (1, 2))
print(first, second)
[x, [y, z]] = [1, (2, 3)]
print(x, y, z)
d = {"k1": 1, "k2": 2}
k1, k2 = d
print(k1, k2)
print(*enumerate("ab"), sep=" | ")
print(max(*[3, 1, 2]), [*zip(*[(1, 2), (3, 4)])])
