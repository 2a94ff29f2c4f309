print({"apple","banana","cherry","date","elderberry","fig"})
print({1, 2, 3}, {"b", "a"}, {"x", "y", "z", 1.5, (1, 2)})
s = {"a", "b", "c"}; s.add("d"); print(len(s))
class D:
    def __init__(self, n): self.n = n
    def __del__(self): print("del", self.n)
t = (D(1), D(2), D(3)); del t
l = [D(4), D(5)]; l.clear()
l = [D(6), D(7)]; del l
