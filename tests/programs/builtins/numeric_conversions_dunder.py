class Num:
    def __int__(self): return 7
    def __float__(self): return 2.5
    def __complex__(self): return 1j
    def __index__(self): return 3
    def __round__(self, n=None): return "rounded" if n is None else f"rounded {n}"
    def __trunc__(self): return 9
    def __floor__(self): return 1
    def __ceil__(self): return 2
    def __abs__(self): return "abs"
    def __bytes__(self): return b"bytes!"
import math
n = Num()
print(int(n), float(n), complex(n), [0, 1, 2, 3][n], round(n), round(n, 2), math.trunc(n), math.floor(n), math.ceil(n), abs(n), bytes(n))
print(hex(n), bin(n), oct(n), "abcd"[n:], range(n))
class OnlyIndex:
    def __index__(self): return 4
print(int(OnlyIndex()), float(OnlyIndex()) if hasattr(OnlyIndex, "__float__") else "no float", [1] * OnlyIndex())
class BadInt:
    def __int__(self): return "x"
try:
    int(BadInt())
except TypeError as e:
    print(e)
