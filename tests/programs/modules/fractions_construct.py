# Fraction construction, normalisation, parsing and error messages.
import numbers
import copy
from fractions import Fraction

print(Fraction(), Fraction(3), Fraction(3, 4), Fraction(6, -8), Fraction(-6, -8))
print(repr(Fraction(10, -8)), repr(Fraction(0, -5)), repr(Fraction(True, 2)))
print(Fraction(numerator=3, denominator=9), Fraction(denominator=2))
print(repr(Fraction(Fraction(1, 7), 5)), repr(Fraction(Fraction(1, 7), Fraction(2, 3))))
print(repr(Fraction(2.25)), repr(Fraction(1.47)), repr(Fraction(-0.0)), repr(Fraction(1e300))[:30])
print(repr(Fraction(10 ** 40, 10 ** 38)), repr(Fraction(-(2 ** 70), 3 * 2 ** 69)))

for s in ['3/4', ' -1.5e3 ', '7', '+7', '-35/4', '3.1415', '-47e-2', '.5', '5.', '1_000',
          '1_000.000_5', '1e+3', '1E-3', '2.5E2', ' 12 / 16 ', '\t-3/6\n', '0/5', '00012',
          '1.e5', '\u0663/\u0664', '0.000', '-0', '1_0/2_0', '6e0']:
    print(repr(s), '->', repr(Fraction(s)))

for s in ['', ' ', '/', '1/', '/2', '1/-2', '1.5/2', '1/2.0', 'e5', '.', '.e1', '1e', '1e+',
          '1__0', '_1', '1_', '1._5', '1.5_', 'abc', '1 2', '3/4/5', 'inf', 'nan', '1 .5',
          '- 1', '1j', '0x10', '1/0_', '++1', '1e1.5', '\u00b2']:
    try:
        print(repr(Fraction(s)))
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)

def err(f, *args, **kw):
    try:
        r = f(*args, **kw)
    except Exception as e:
        print(type(e).__name__ + ':', e)
    else:
        print('ok', repr(r))

err(Fraction, 1, 0)
err(Fraction, -7, 0)
err(Fraction, '-3/0')
err(Fraction, '5/000')
err(Fraction, Fraction(3, 2), 0)
err(Fraction, 1.5, 2)
err(Fraction, 1, 2.0)
err(Fraction, '1', 2)
err(Fraction, [1])
err(Fraction, None)
err(Fraction, 1 + 2j)
err(Fraction, float('nan'))
err(Fraction, float('inf'))
err(Fraction, float('-inf'))
err(Fraction.from_float, 0.1)
err(Fraction.from_float, 3)
err(Fraction.from_float, '1.5')
err(Fraction.from_float, Fraction(1, 2))
err(Fraction.from_float, float('nan'))
err(Fraction.from_decimal, 3)
err(Fraction.from_decimal, 1.5)
err(Fraction.from_decimal, 'x')
err(Fraction, 1, 2, 3)

f = Fraction(-6, 4)
print(f.numerator, f.denominator, f.as_integer_ratio(), f.is_integer(), Fraction(8, 4).is_integer())
print(type(f.numerator).__name__, f.real, f.imag, f.conjugate())
print(isinstance(f, numbers.Rational), isinstance(f, numbers.Real), isinstance(f, numbers.Integral))
print(str(Fraction(3, 4)), str(Fraction(7)), str(Fraction(-7, 1)), str(Fraction(0)))
err(setattr, f, 'numerator', 3)

class MyFrac(Fraction):
    pass

m = MyFrac(2, 4)
print(repr(m), type(+m).__name__, type(-m).__name__, type(m + 1).__name__)
print(repr(copy.copy(m)), repr(copy.deepcopy(m)), copy.copy(m) is m, copy.copy(f) is f, copy.deepcopy(f) is f)
print(f.__reduce__(), m.__reduce__()[1])
print(Fraction(3, 4) == Fraction('0.75') == 0.75, Fraction(5, 1) == 5)
