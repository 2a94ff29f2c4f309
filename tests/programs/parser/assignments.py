a = b = c = 1
x, y = 1, 2
(p, q), r = (3, 4), 5
[s, t] = "st"
first, *rest = [1, 2, 3, 4]
*init, last = range(5)
a1, *mid, z1 = "abcdef"
print(a, b, c, x, y, p, q, r, s, t, first, rest, init, last, a1, mid, z1)
d = {}
d["k"] = l = [0, 0]
l[0] = 9
print(d)
class O: pass
o = O(); o.attr = 7; print(o.attr)
x, y = y, x
print(x, y)
n: int = 5
m: list[int]
print(n, 'm' in dir())
for i, (j, k) in enumerate([(1, 2), (3, 4)]):
    print(i, j, k)
