from collections.abc import *
import collections.abc as cabc
print(isinstance([], Iterable), isinstance([], Sequence), isinstance({}, Mapping), isinstance({}, MutableMapping))
print(isinstance(3, Hashable), isinstance([], Hashable), isinstance(len, Callable), isinstance(iter([]), Iterator))
print(isinstance((x for x in []), Iterator), isinstance("", Sized), isinstance(set(), Set), isinstance(frozenset(), MutableSet))
class M(Mapping):
    def __init__(s, d): s.d = d
    def __getitem__(s, k): return s.d[k]
    def __len__(s): return len(s.d)
    def __iter__(s): return iter(s.d)
m = M({'a': 1, 'b': 2})
print(list(m.keys()), list(m.items()), m.get('z', 0), 'a' in m, m == {'a': 1, 'b': 2}, type(m.keys()).__name__)
try: Mapping()
except TypeError as e: print(e)
print(Iterable.__module__, Sequence.__name__)
