class T:
    def __bool__(self): return False
class L:
    def __len__(self): return 0
class N: pass
class BadBool:
    def __bool__(self): return 1
print(bool(T()), bool(L()), bool(N()))
if not T(): print("T falsy")
try:
    bool(BadBool())
except TypeError as e:
    print(e)
class NegLen:
    def __len__(self): return -1
try:
    bool(NegLen())
except ValueError as e:
    print(e)
print([x for x in [0, 1, "", "a", None, [], [0]] if x])
