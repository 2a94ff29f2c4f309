# Subclasses of int/float/complex overriding conversion dunders: the
# constructors, %-formatting, format() and math use the override (CPython
# only skips the slot for the exact type).
import math
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
class I(int): __int__=lambda s: 77
class C(complex): __complex__=lambda s: 5j
class F(float): __int__=lambda s: 7
class I2(int): __float__=lambda s: 9.5
class OnlyFloat:
    def __float__(self): return 2.5
class OnlyInt:
    def __int__(self): return 4
class OnlyIndex:
    def __index__(self): return 5
class OnlyTrunc:
    def __trunc__(self): return 6
class BadInt:
    def __int__(self): raise TypeError("boom")
class BadInt2:
    def __int__(self): raise ValueError("boom")
class FS(float): pass
class RetFS:
    def __float__(self): return FS(1.5)
for v in [I(3), F(1.5), I2(3), OnlyFloat(), OnlyInt(), OnlyIndex(), OnlyTrunc(), BadInt(), BadInt2(), 1.5, 2j, "s", True, float('inf'), float('nan'), RetFS()]:
    for c in 'dixXoeEfgc':
        t(lambda: ('%' + c) % (v,))
t(lambda: int(I(3)))
t(lambda: complex(C(1j)))
t(lambda: complex(C(1j), 2))
t(lambda: type(complex(C(1j))))
t(lambda: math.sqrt(I2(4)))
t(lambda: math.floor(I2(4)))
t(lambda: math.log(I2(4)))
t(lambda: math.exp(RetFS()))
t(lambda: float(RetFS()))
t(lambda: float(I2(4)))
t(lambda: float(F(2.0)))
t(lambda: complex(I2(3)))
t(lambda: round(I2(3)))
t(lambda: math.isclose(I2(3), 9.5))
t(lambda: math.copysign(I2(3), -1))
t(lambda: math.fsum([I2(3), 1]))
t(lambda: math.hypot(I2(3), 0))
t(lambda: math.dist([I2(3)], [0]))
t(lambda: math.prod([I2(3), 2.0]))
t(lambda: math.pow(I2(3), 1))
t(lambda: math.atan2(I2(3), 1))
t(lambda: math.ldexp(I2(3), 1))
t(lambda: math.frexp(I2(3)))
t(lambda: math.modf(I2(3)))
t(lambda: math.fmod(I2(3), 10))
t(lambda: math.trunc(I2(3)))
t(lambda: math.ceil(I2(3)))
t(lambda: math.isfinite(I2(3)))
t(lambda: math.degrees(I2(3)))
t(lambda: math.erf(I2(3)))
t(lambda: math.gamma(I2(3)))
t(lambda: math.nextafter(I2(3), 100))
t(lambda: math.ulp(I2(3)))
t(lambda: math.remainder(I2(3), 100))
t(lambda: math.log2(I2(4)))
t(lambda: math.log10(I2(4)))
t(lambda: math.log1p(I2(4)))
t(lambda: math.sumprod([I2(3)], [2]))
t(lambda: math.sumprod([I2(3)], [2.0]))
t(lambda: f"{I2(3):f}")
t(lambda: format(I2(3), '.2f'))
t(lambda: format(I(3), 'd'))
t(lambda: I2(3) + 0.5)
t(lambda: 0.5 + I2(3))
t(lambda: I2(3) * 1j)
t(lambda: divmod(2.5, I2(3)))
t(lambda: 2.5 < I2(3))
t(lambda: 2.5 ** I2(3))
