from enum import Enum, Flag, IntFlag, auto, IntEnum, StrEnum, unique
class P(Flag):
    R = 4
    W = 2
    X = 1
    RWX = 7
print(list(P), P.RWX, repr(P.RWX), P(6), repr(P(0)), P.R | P.W | P.X, len(P.RWX), P.RWX in P, P.R in P.RWX)
try: P(8)
except ValueError as e: print(str(e).splitlines()[0])
class I(IntFlag):
    A = 1
    B = 2
print(repr(I(5)), I(5), repr(I.A | 8), ~I.A, I.A & 3, repr(I.A ^ I.B))
class M(Enum):
    A = 1
    @classmethod
    def _missing_(cls, value):
        return cls.A
print(M(99), M.A.__hash__() == hash('A'))
class S(Enum):
    X = 1
    def __str__(self): return 'custom'
print(S.X, f"{S.X}", repr(S.X))
E2 = Enum('E2', [('A', 10), ('B', 20)]); print(list(E2), E2(20))
E3 = IntEnum('E3', 'X Y'); print(E3.Y, repr(E3.Y))
class W(StrEnum):
    HELLO = auto()
print(W.HELLO, repr(W.HELLO), W('hello'), f"{W.HELLO}", W.HELLO + '!')
print(sorted(P, key=lambda m: m.value), [m.name for m in reversed(P)])
print(P.R.value, P.R._value_, type(P.R).__name__, P.__name__, len(P))
try:
    class Bad(Enum):
        A = 1
        A = 2
except TypeError as e: print(e)
from enum import KEEP
class I2(IntFlag):
    A = 1
print(repr(I2(8)), str(I2(8)), repr(I2(9)), str(I2(9)))
class F(Flag, boundary=KEEP):
    A = 1
print(repr(F(8)), str(F(8)), repr(F(9)), str(F(9)))
