a = {"x": 1, "y": 2}
b = {"y": 2, "x": 1}
print(a == b, list(a) == list(b), a.items() == b.items(), a.keys() == b.keys())
print({1: "a"} == {1.0: "a"}, {1: [1]} == {1: [1]}, {} != {"k": None})
try:
    {1: 2} < {1: 3}
except TypeError as e:
    print(e)
d = dict.fromkeys(["b", "a", "c"])
d.pop("a"); d["a"] = None
print(d, list(d.values()))
