# hash(None) is a constant since 3.12; slices hash like tuples without the
# length folded in.
print(hash(None), None.__hash__())
for s in [slice(1, 2, 3), slice(None), slice(0, None, -1), slice('a', 'b'),
          slice(1.5, 2), slice(None, None, None), slice((1, 2), None), slice(-1, -2, -3)]:
    print(repr(s), hash(s))
try:
    hash(slice([], 1))
except TypeError as e:
    print(type(e).__name__, e)
d = {None: 'none', slice(1, 2): 'slice'}
print(d[None], d[slice(1, 2)])
print(sorted({None, 1, 2, 3} - {1}, key=repr))
print(list({None: 0, 1: 1, 'a': 2}))
print(set([None, 5, 3, 2**61, -1]))
