d = {}
d["z"] = 1; d["a"] = 2; d["m"] = 3
print(list(d))
d["z"] = 10
print(d)
del d["z"]; d["z"] = 0
print(d)
a = {"x": 1, "y": 2}
b = {"y": 3, "w": 4}
print(a | b, b | a, {**a, **b})
a |= b
print(a)
print({1: "int", 1.0: "float", True: "bool"})
print({(1, 2): "tuple", None: "none", frozenset({1}): "fs"})
print(dict(sorted({"b": 1, "a": 2}.items())), list(reversed({"a": 1, "b": 2})))
