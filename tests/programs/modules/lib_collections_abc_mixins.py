from collections.abc import *
class S(Sequence):
    def __init__(s, d): s.d = d
    def __getitem__(s, i): return s.d[i]
    def __len__(s): return len(s.d)
s = S([3, 1, 3])
print(list(s), 3 in s, s.index(1), s.count(3), list(reversed(s)), isinstance(s, Reversible))
class MS(MutableSequence):
    def __init__(s): s.d = []
    def __getitem__(s, i): return s.d[i]
    def __setitem__(s, i, v): s.d[i] = v
    def __delitem__(s, i): del s.d[i]
    def __len__(s): return len(s.d)
    def insert(s, i, v): s.d.insert(i, v)
m = MS(); m.append(1); m.extend([2, 3]); m += [4]; m.reverse(); print(m.d, m.pop(), m.d); m.remove(3); print(m.d)
class FS(Set):
    def __init__(s, it): s.d = list(dict.fromkeys(it))
    def __contains__(s, x): return x in s.d
    def __iter__(s): return iter(s.d)
    def __len__(s): return len(s.d)
a, b = FS([1, 2, 3]), FS([2, 3, 4])
print(sorted(a & b), sorted(a | b), sorted(a - b), sorted(a ^ b), a <= FS([1, 2, 3, 4]), a == FS([3, 2, 1]), a.isdisjoint(FS([9])))
class E:
    def __eq__(s, o): return True
print(isinstance(E(), Hashable), isinstance({}.keys(), KeysView), isinstance({}.items(), Set), isinstance(range(3), Sequence), isinstance('', Collection))
print(issubclass(list, MutableSequence), issubclass(tuple, MutableSequence), issubclass(dict, Mapping), isinstance(iter({}), Iterator) if False else 0, isinstance(lambda: 0, Callable))
def gen(): yield
print(isinstance(gen(), Generator), isinstance(gen(), Iterator), issubclass(bytes, ByteString) if False else 0, isinstance(b'', Sequence))
