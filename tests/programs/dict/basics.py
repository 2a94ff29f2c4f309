d = {"a": 1, "b": 2}
d["c"] = 3
print(d, len(d), d["a"], d.get("z"), d.get("z", 0), "a" in d, 1 in d)
print(list(d.keys()), list(d.values()), list(d.items()))
print(d.pop("a"), d.pop("z", "dflt"), d.setdefault("b", 9), d.setdefault("n", 0), d)
d.update({"x": 10}, y=11); d.update([("z", 12)]); print(d)
print(d.popitem(), d, dict.fromkeys("ab", 0), dict(a=1), dict([(1, 2)]), dict(zip("ab", range(2))))
del d["b"]; print(d, d.copy() == d)
d.clear(); print(d, {} == dict())
