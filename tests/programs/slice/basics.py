s = slice(1, 10, 2)
print(s, s.start, s.stop, s.step, s.indices(5), slice(None).indices(3), slice(-1, None, -1).indices(4))
print(slice(3), slice(1, 2) == slice(1, 2), "abcdef"[s], [0, 1, 2, 3][slice(None, None, -1)])
print(slice(1, 2).__reduce__(), hash(slice(1, 2)) == hash(slice(1, 2)))
try:
    slice(1, 2, 0).indices(5)
except ValueError as e:
    print(e)
try:
    [1][::0]
except ValueError as e:
    print(e)
class Idx:
    def __index__(self): return 2
print([10, 20, 30][Idx()], "abc"[Idx():], [1, 2, 3, 4][:Idx()])
