class P:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return isinstance(o, P) and self.v == o.v
class H(P):
    def __hash__(self): return hash(self.v)
print(P.__hash__, P(1) == P(1), P(1) != P(2), P(1) == 1)
try:
    {P(1)}
except TypeError as e:
    print(e)
print(len({H(1), H(1), H(2)}), H(1) in {H(1): 0})
class Plain: pass
a = Plain()
print(a == a, a == Plain(), a != a, hash(a) == hash(a))
class NE:
    def __eq__(self, o): return True
print(NE() != NE(), NE() == 5, 5 == NE())
class AlwaysNI:
    def __eq__(self, o): return NotImplemented
x = AlwaysNI()
print(x == x, x == AlwaysNI(), x != x)
