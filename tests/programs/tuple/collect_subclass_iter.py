# Building a set, list or sorted list from a tuple or list subclass goes
# through its __iter__; a length hint that is too large or raises TypeError.
class T(tuple):
    def __iter__(self): return iter([9, 8])
class L(list):
    def __iter__(self): return iter([7])
print(set(T((1, 2))), sorted(T((3, 1))), set(L([1, 2])), frozenset(T((5,))))
print({*T((1, 2))}, [*L([4, 5])])
class H:
    def __len__(self): return 10**30
    def __iter__(self): return iter([1])
try: print(list(H()))
except OverflowError as e: print("OverflowError", e)
class B:
    def __len__(self): raise TypeError("no")
    def __iter__(self): return iter([1, 2])
print(list(B()), set(B()))
