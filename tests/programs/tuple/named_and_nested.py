t = ((1, 2), [3, 4])
t[1].append(5)
print(t)
import collections
P = collections.namedtuple("P", "x y")
p = P(1, y=2)
print(p, p.x, p[1], p._asdict(), p._replace(x=9), P._fields, tuple(p), p == (1, 2))
