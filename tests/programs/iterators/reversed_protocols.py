class Seq:
    def __len__(self): return 3
    def __getitem__(self, i):
        if i >= 3: raise IndexError
        return "abc"[i]
print(list(reversed(Seq())), list(reversed(range(2, 8, 2))), list(reversed({"a": 1, "b": 2}.items())))
try:
    reversed({1, 2})
except TypeError as e:
    print(e)
try:
    reversed(x for x in [])
except TypeError as e:
    print(e)
r = reversed([1, 2, 3])
print(r.__length_hint__(), next(r), list(r))
