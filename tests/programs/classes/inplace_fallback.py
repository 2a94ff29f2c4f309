class A:
    def __init__(self, v): self.v = v
    def __add__(self, o): print("__add__"); return A(self.v + o)
    def __repr__(self): return f"A({self.v})"
class B(A):
    def __iadd__(self, o): print("__iadd__"); self.v += o; return self
class C(A):
    def __iadd__(self, o): print("__iadd__ NotImplemented"); return NotImplemented
a = A(1); a0 = a; a += 1; print(a, a is a0)
b = B(1); b0 = b; b += 1; print(b, b is b0)
c = C(1); c += 1; print(c)
l = [1]; t = (l,)
try:
    t[0] += [2]
except TypeError as e:
    print(e)
print(t)
