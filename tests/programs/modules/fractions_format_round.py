# Fraction rounding, limit_denominator and __format__ (3.13 mini-language).
import math
from fractions import Fraction as F

for v in [F(5, 2), F(7, 2), F(-5, 2), F(-7, 2), F(1, 3), F(-2, 3), F(0), F(9, 4), F(-9, 4)]:
    print(repr(v), round(v), type(round(v)).__name__, repr(round(v, 0)), math.floor(v), math.ceil(v))
for v in [F(12345, 1000), F(-12345, 1000), F(125, 1000), F(135, 1000), F(1, 3), F(2, 3), F(25)]:
    print(repr(v), [repr(round(v, n)) for n in (-2, -1, 0, 1, 2, 5)])
print(repr(round(F(250), -2)), repr(round(F(350), -2)), repr(round(F(-150), -2)))

pi = F('3.141592653589793')
for m in [1, 2, 7, 10, 100, 1000, 10 ** 6, 10 ** 9]:
    print(m, repr(pi.limit_denominator(m)))
print(repr(F(4321, 8765).limit_denominator(10000)), repr(F(1, 2).limit_denominator(1)),
      repr(F(3, 2).limit_denominator(1)), repr(F(-5, 2).limit_denominator(1)),
      repr(F(0.1).limit_denominator()), repr(F(-1, 3).limit_denominator(2)))
print(repr(F(10 ** 30 + 1, 10 ** 30).limit_denominator(100)), repr(F(0).limit_denominator(5)))
for bad in [0, -3]:
    try:
        F(1, 3).limit_denominator(bad)
    except ValueError as e:
        print('ValueError:', e)

values = [F(0), F(1, 3), F(-2, 3), F(7), F(-7), F(22, 7), F(1234567, 8), F(-1, 10 ** 8),
          F(5, 2), F(3, 8), F(999999, 1000000), F(10 ** 20, 3), F(1, 200), F(-1, 2000)]
specs = ['', '10', '<10', '>10', '^11', '=+10', '*^12', '+', ' ', '-', '#', '#10', ',', '_',
         '>+15,', '0', '.2f', 'f', 'F', '.0f', '#.0f', '+.3f', ' .3f', 'z.1f', '.1f', 'e', 'E',
         '.3e', '.0e', '#.0e', 'g', 'G', '.3g', '.1g', '#g', '#.3g', '.0g', '%', '.1%', '.0%',
         '012.3f', '0=12.3f', '010,.2f', '015_.1f', '020,.3e', '>12.2%', '_^14.3f', ',.2f',
         '.10g', '.20e', '+015.4e', 'z.0f', 'z.3e', '-^13.2e', ',g', '.30f']
for v in values:
    print(repr(v), [format(v, s) for s in specs])
print('{:>10}|{:<10.3f}|{:^10.2%}'.format(F(1, 3), F(2, 3), F(1, 8)), f'{F(5, 4):.1f} {F(-7, 2)!s:>6}')
for s in ['d', 'x', 's', 'n', '.2', '05', '00f', '000f', '.01f', '<05f', '^010.2f', '10.2.2f',
          '.f', 'ff', '#x', 'z', ',,', ',_f', '1_0f', 'zz.1f', '--f', '=010f']:
    try:
        print(repr(s), format(F(1, 3), s))
    except ValueError as e:
        print(repr(s), 'ValueError:', e)
class Sub(F):
    pass
try:
    format(Sub(1, 2), 'q')
except ValueError as e:
    print('ValueError:', e)
