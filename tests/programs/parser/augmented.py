x = [1]
x += [2]
x *= 2
print(x)
s = "a"; s += "b"; s *= 3; print(s)
class C:
    def __init__(self): self.v = 1
c = C(); c.v += 10; print(c.v)
d = {"a": 1}; d["a"] -= 5; print(d)
l = [1, 2, 3]; l[1] **= 5; print(l)
