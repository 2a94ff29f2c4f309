class Grid:
    def __init__(self): self.d = {}
    def __getitem__(self, k): print("get", k); return self.d.get(k, 0)
    def __setitem__(self, k, v): print("set", k, v); self.d[k] = v
    def __delitem__(self, k): print("del", k); del self.d[k]
    def __contains__(self, k): return k in self.d
    def __len__(self): return len(self.d)
    def __iter__(self): return iter(sorted(self.d))
g = Grid()
g[1, 2] = "x"
print(g[1, 2], (1, 2) in g, len(g), list(g))
g[0:2] = 5
del g[1, 2]
print(g[3])
class R:
    def __reversed__(self): return iter("cba")
print(list(reversed(R())))
