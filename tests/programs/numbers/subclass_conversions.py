# Every conversion of int and float subclasses overriding every dunder.
import math
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
class I(int):
    __floor__ = lambda s: 'fl'
    __ceil__ = lambda s: 'ce'
    __trunc__ = lambda s: 'tr'
    __round__ = lambda s, n=None: 'ro'
    __index__ = lambda s: 99
    __abs__ = lambda s: 'ab'
    __neg__ = lambda s: 'ng'
    __hash__ = lambda s: 5
    __bool__ = lambda s: False
    __float__ = lambda s: 1.25
    __complex__ = lambda s: 2j
    __str__ = lambda s: 'S'
    __repr__ = lambda s: 'R'
    __format__ = lambda s, spec: 'F'
class F(float):
    __floor__ = lambda s: 'fl'
    __ceil__ = lambda s: 'ce'
    __trunc__ = lambda s: 'tr'
    __round__ = lambda s, n=None: 'ro'
    __int__ = lambda s: 42
    __index__ = lambda s: 43
    __float__ = lambda s: 0.25
    __abs__ = lambda s: 'ab'
    __bool__ = lambda s: False
    __complex__ = lambda s: 3j
for v in (I(3), F(3.5)):
    print(type(v).__name__)
    t(lambda: math.floor(v)); t(lambda: math.ceil(v)); t(lambda: math.trunc(v))
    t(lambda: round(v)); t(lambda: round(v, 1)); t(lambda: abs(v)); t(lambda: -v)
    t(lambda: hash(v)); t(lambda: bool(v)); t(lambda: float(v)); t(lambda: complex(v))
    t(lambda: int(v)); t(lambda: str(v)); t(lambda: repr(v)); t(lambda: format(v, ''))
    t(lambda: f"{v}"); t(lambda: [1,2,3][v] if isinstance(v, int) else None)
    t(lambda: math.factorial(v)); t(lambda: math.gcd(v, 6)); t(lambda: math.isqrt(v))
    t(lambda: math.comb(v, 1)); t(lambda: math.perm(v, 1)); t(lambda: math.lcm(v, 2))
    t(lambda: range(v)); t(lambda: hex(v)); t(lambda: oct(v)); t(lambda: bin(v))
    t(lambda: chr(v)); t(lambda: 'ab' * v); t(lambda: [0] * v)
    t(lambda: v.bit_length() if isinstance(v, int) else v.is_integer())
    t(lambda: math.sqrt(v)); t(lambda: math.exp(v)); t(lambda: math.log(v))
    t(lambda: math.isnan(v)); t(lambda: math.fabs(v)); t(lambda: math.ldexp(1.0, v))
    t(lambda: pow(v, 2)); t(lambda: pow(v, 2, 5)); t(lambda: divmod(v, 2))
    t(lambda: '%s %r %d %x %f %e %c' % (v, v, v, v, v, v, 65))
    t(lambda: '%x' % v); t(lambda: '%c' % v); t(lambda: '%.2f' % v)
    t(lambda: b'%d' % v); t(lambda: b'%x' % v); t(lambda: b'%f' % v)
    t(lambda: (1.5).__round__(v) if isinstance(v, int) else None)
    t(lambda: (5).__round__(v) if isinstance(v, int) else None)
    t(lambda: sum([v, v])); t(lambda: max(v, 0)); t(lambda: v == 3)
    t(lambda: int.__new__(int, v)); t(lambda: float.__new__(float, v))
    t(lambda: math.copysign(1.0, v)); t(lambda: math.isclose(v, 1))
    t(lambda: math.fsum([v])); t(lambda: math.prod([v])); t(lambda: sum([0.0, v]))
    t(lambda: math.hypot(v)); t(lambda: math.dist([v], [0]))
t(lambda: format(True, '.2f'))
t(lambda: format(I(3), '.1%'))
