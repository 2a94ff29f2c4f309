d = dict.fromkeys(range(5), 0)
print(list(d.keys()), list(d.values()), list(d.items())[:2])
it = iter(d.items())
print(next(it), type(it).__name__)
print(list(reversed(d.values())))
print(list(zip(d, d.values())))
ks = d.keys()
d[10] = 1
print(list(ks))
