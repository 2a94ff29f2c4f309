for a, (b, *c) in [(1, (2, 3, 4)), (5, (6,))]:
    print(a, b, c)
d = {}
for d["key"] in range(2):
    pass
print(d)
class O: pass
o = O()
for o.attr in "xy":
    pass
print(o.attr)
l = [0, 0]
for l[0], l[1] in [(1, 2)]:
    pass
print(l)
for _ in range(0):
    pass
print(_ if "_" in dir() else "unbound")
