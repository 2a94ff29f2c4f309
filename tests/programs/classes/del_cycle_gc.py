import gc
class Node:
    def __init__(self, n): self.n = n; self.other = None
    def __del__(self): print("del", self.n)
a = Node(1); b = Node(2)
a.other = b; b.other = a
del a, b
print("before collect")
gc.collect()
print("after collect")
