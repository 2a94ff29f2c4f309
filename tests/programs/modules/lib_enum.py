from enum import *
class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1
print(Color.RED, repr(Color.RED), Color.RED.name, Color.RED.value, Color(2), Color['BLUE'], Color.CRIMSON is Color.RED)
print(list(Color), len(Color), Color, Color.RED in Color, 2 in Color, list(Color.__members__))
print(isinstance(Color.RED, Color), type(Color.RED), Color.RED == Color.RED, Color.RED != Color.GREEN, f"{Color.RED}", hash(Color.RED) == hash(Color.RED))
try: Color(7)
except ValueError as e: print(e)
try: Color.RED = 5
except AttributeError as e: print(e)
class A(Enum):
    X = auto()
    Y = auto()
    def describe(self): return self.name.lower()
print(A.X.value, A.Y.value, A.Y.describe(), [m.value for m in A])
class N(IntEnum):
    ONE = 1
    TWO = 2
print(N.ONE, repr(N.TWO), N.ONE + 1, N.TWO == 2, f"{N.ONE:03d}", sorted([N.TWO, N.ONE]), N(1))
class S(StrEnum):
    A = auto()
    B = 'bee'
print(S.A, repr(S.B), S.A == 'a', S.B.upper())
class P(Flag):
    R = auto()
    W = auto()
    X = auto()
rw = P.R | P.W
print(P.R, repr(P.W), rw, repr(rw), P.R in rw, P.X in rw, list(rw), bool(P.R & P.X), repr(P.R & P.X), ~P.R)
class I(IntFlag):
    A = 1
    B = 2
print(I.A | I.B, repr(I.A | I.B), I.A | 4, I.A + 1, repr(I(0)))
try:
    @unique
    class U(Enum):
        A = 1
        B = 1
except ValueError as e: print(e)
Animal = Enum('Animal', 'ANT BEE CAT')
print(Animal.BEE, Animal.CAT.value, list(Animal))
class Planet(Enum):
    EARTH = (5.97e24, 6.37e6)
    def __init__(self, mass, radius):
        self.mass = mass
    @property
    def m(self): return self.mass
print(Planet.EARTH.mass, Planet.EARTH.value, Planet.EARTH.m)
print({Color.RED: 1}[Color.RED], Color.RED.__class__.__name__, Color._member_names_)
