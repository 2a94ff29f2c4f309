class Node:
    def __init__(self, n): self.next = Node(n - 1) if n > 0 else None; self.n = n
    def total(self): return self.n + (self.next.total() if self.next else 0)
print(Node(500).total())
class Loop:
    def __getattr__(self, name):
        return getattr(self, "x" + name)
try:
    Loop().a
except RecursionError as e:
    print("getattr loop:", e)
class Rep:
    def __repr__(self): return repr(self)
try:
    repr(Rep())
except RecursionError as e:
    print("repr loop:", e)
