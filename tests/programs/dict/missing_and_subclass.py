class D(dict):
    def __missing__(self, key):
        return key * 2
d = D(a=1)
print(d["a"], d["zz"], d.get("zz"), "zz" in d, d)
from collections import defaultdict, Counter, OrderedDict
dd = defaultdict(list)
dd["x"].append(1)
print(dict(dd), dd["y"], len(dd))
c = Counter("abracadabra")
print(c.most_common(2), c["a"], c["z"])
od = OrderedDict([("a", 1), ("b", 2)])
od.move_to_end("a")
print(list(od), od == {"b": 2, "a": 1})
