# Fraction arithmetic with int/float/complex/Fraction, comparisons and hashing.
import math
import sys
from fractions import Fraction as F

def show(label, thunk):
    try:
        r = thunk()
    except Exception as e:
        print(label, '!', type(e).__name__ + ':', e)
    else:
        print(label, type(r).__name__, repr(r))

a, b = F(3, 4), F(-5, 6)
operands = [F(3, 4), F(-5, 6), F(0), F(7), 2, -3, 0, True, 0.5, -2.0, 0.0, 1 + 2j, 0j]
ops = [('+', lambda x, y: x + y), ('-', lambda x, y: x - y), ('*', lambda x, y: x * y),
       ('/', lambda x, y: x / y), ('//', lambda x, y: x // y), ('%', lambda x, y: x % y),
       ('divmod', divmod)]
for x in [a, b, F(0)]:
    for y in operands:
        for name, op in ops:
            show('%r %s %r' % (x, name, y), lambda: op(x, y))
            show('%r %s %r' % (y, name, x), lambda: op(y, x))

for base in [F(2, 3), F(-2, 3), F(0), F(1), F(-1, 2)]:
    for exp in [0, 1, 3, -1, -2, F(2), F(-3), F(1, 2), 0.5, -1.0, 2j]:
        show('%r ** %r' % (base, exp), lambda: base ** exp)
for base in [2, -8, 0, 4.0, -4.0, 1j]:
    for exp in [F(3), F(-2), F(1, 2), F(1, 3), F(0)]:
        show('%r ** %r' % (base, exp), lambda: base ** exp)
show('pow3', lambda: pow(F(2), 2, 3))
show('str+', lambda: F(1) + 'a')
show('None<', lambda: F(1) < None)
show('cplx<', lambda: F(1) < 1j)

x = F(-7, 2)
print(+x, -x, abs(x), int(x), math.trunc(x), math.floor(x), math.ceil(x), float(x), complex(x))
print(int(F(7, 2)), math.trunc(F(7, 2)), math.floor(F(7, 2)), math.ceil(F(7, 2)))
print(bool(F(0)), bool(F(1, 100)), not F(0, 5))
print(float(F(1, 3)), float(F(10 ** 30 + 1, 10 ** 29)), float(F(-1, 10 ** 400)))

vals = [F(1, 2), F(-1, 2), F(0), F(3), 3, 0.5, -0.5, 3.0, 0.1, F(1, 10),
        float('inf'), float('-inf'), float('nan'), 1 + 0j, 0.5 + 0j, 1j]
for v in vals[:5]:
    for w in vals:
        r = [v == w, w == v, v != w]
        for op in ('<', '<=', '>', '>='):
            try:
                r.append(eval('v %s w' % op))
            except TypeError as e:
                r.append('TE')
        print(repr(v), repr(w), r)
print(sorted([F(1, 3), 0.3, F(-1), 0, F(1, 2), True]))
print(max(F(1, 3), 0.33), min(F(7, 2), 3, 4.0))

for v in [F(1, 2), F(-1, 2), F(3), F(-1), F(0), F(1, 3), F(-1, 3), F(22, 7),
          F(10 ** 30, 7), F(1, 2 ** 61 - 1), F(-1, 2 ** 61 - 1), F(5, 3 * (2 ** 61 - 1)),
          F(2 ** 61 - 1), F(1, 2 ** 100), F(-(10 ** 50), 3 ** 40)]:
    print(repr(v), hash(v))
print(hash(F(1, 2)) == hash(0.5), hash(F(-3)) == hash(-3), hash(F(1, 2 ** 60)) == hash(2.0 ** -60))
print(hash(F(-1)) == hash(-1) == -2, hash(F(0.1)) == hash(0.1))
print(len({F(1, 2), 0.5, F(2, 4), F(3), 3, 3.0}))
print(sum([F(1, n) for n in range(1, 11)]), sum([F(1, 3)] * 3))
print(F(1, 3) + F(1, 6), F(1, 6) - F(2, 3), F(4, 9) * F(3, 8), F(4, 9) / F(-8, 3))
print(F(10 ** 20 + 1, 3) * F(3, 10 ** 20 + 1), F(2, 15) + F(1, 10), F(7, 12) - F(1, 12))
