x = a if b else c
y = not (a in b)
z = a is not None
w = [*a, *b]
v = {**a, 'k': 1, **b}
u = f(*args, x=1, **kw)
t = (1, 2, (3, 4))
s = "%s-%r" % (a, b)
r = f"{x!r:>10}{y}"
q = 2 ** 10, 1 << 3, 7 // 2, 'ab' * 3, -(5), ~1
p = a[1:2], a[::2], a[x]
o = lambda *, k: k
n = (yield_ := 5)
m = __debug__
l = x < y <= z
k = a and b
if not a and (b or c):
    pass
assert isinstance(x, int)
del x[1:2]
x.y.z += 1
print(*[1, 2, 3])
