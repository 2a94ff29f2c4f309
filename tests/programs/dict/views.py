d = {"a": 1, "b": 2, "c": 3}
k, v, i = d.keys(), d.values(), d.items()
print(k, v, i)
d["d"] = 4
print(len(k), list(v), ("d", 4) in i, "a" in k)
print(sorted(k & {"a", "z"}), sorted(k - {"a"}), sorted(k | {"x"}), sorted(k ^ {"a", "q"}))
print(k == {"a", "b", "c", "d"}, isinstance(k, type({}.keys())), list(reversed(k)))
print(type(k).__name__, type(v).__name__, type(i).__name__)
