class MyList(list):
    def sum(self): return sum(self)
m = MyList([1, 2, 3])
m.append(4)
print(m, m.sum(), type(m + m).__name__, isinstance(m, list), len(m))
class MyStr(str):
    def shout(self): return self.upper() + "!"
s = MyStr("hi")
print(s.shout(), type(s.upper()).__name__, s == "hi", repr(s))
class MyDict(dict):
    def __setitem__(self, k, v): super().__setitem__(k, v * 2)
d = MyDict(); d["a"] = 1; d.update(b=1)
print(d)
class MyInt(int):
    def __repr__(self): return f"MyInt({int(self)})"
print(MyInt(5) + 1, repr(MyInt(5)), type(MyInt(5) + 1).__name__)
