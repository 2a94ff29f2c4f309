print(hash(1) == hash(1.0) == hash(True), hash(0) == hash(0.0) == hash(False) == hash(-0.0))
print(hash(1.5), hash(-1), hash(-2), hash(2 ** 61 - 1), hash(2 ** 64), hash(-(2 ** 64)))
print(hash(complex(1, 0)) == hash(1), hash(1e300), hash(float("inf")), hash(float("-inf")))
from fractions import Fraction
print(hash(Fraction(1, 2)) == hash(0.5), hash(None) == hash(None), hash(()) == hash(()))
print(hash((1, 2)), hash((1, "a")) == hash((1, "a")))
