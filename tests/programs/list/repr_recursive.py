l = [1, "two", 3.0, None, [4, [5]], (6,), {"k": 7}]
print(l, repr(l), str(l))
a = [1]
a.append(a)
print(a, len(a))
b = []
b.append([b])
print(b)
print([] == [], [] is [], list() == [], list((1, 2)), list(range(3)), list({"a": 1}))
