# Inline instance values keep insertion order: attributes added in and out
# of the class keys' order, after a deletion, and cycles through them.
class P:
    def __init__(self, a, order):
        for k in order:
            setattr(self, k, a)
    def set_xy(self, x, y):
        self.x = x
        self.y = y
    def set_yx(self, x, y):
        self.y = y
        self.x = x
for i in range(4):
    p = P(i, "xyz"); print(vars(p))
    q = P(i, "zyx"); print(vars(q))
    r = P(i, ""); r.set_yx(1, 2); print(vars(r))
    s = P(i, ""); s.set_xy(1, 2); print(vars(s))
    t = P(i, "xy"); del t.x; t.set_yx(5, 6); print(vars(t))
    u = P(i, "y"); u.set_xy(7, 8); print(vars(u))
    w = P(i, ""); w.set_xy([1], 2); w.x.append(w); print(len(vars(w)))
import gc
class Q:
    def __init__(self): self.me = self
for i in range(3): Q()
print(gc.collect() >= 3)
