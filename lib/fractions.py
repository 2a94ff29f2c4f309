"""Fraction, an exact rational number type (a numbers.Rational)."""

import math
import numbers
import operator
import sys

try:
    from decimal import Decimal
except ImportError:
    # Rython has no decimal module yet; nothing can be a Decimal then.
    Decimal = None

__all__ = ['Fraction']


_HASH_MODULUS = sys.hash_info.modulus
_HASH_INF = sys.hash_info.inf


def _fraction_hash(num, den):
    # Numeric hashes agree across int, float and Fraction: |num| / den is
    # reduced modulo the prime P = 2**61 - 1 (see "Hashing of numeric types"
    # in the library reference).
    try:
        inverse = pow(den, -1, _HASH_MODULUS)
    except ValueError:
        # den is a multiple of P: the value is "infinite" modulo P.
        magnitude = _HASH_INF
    else:
        # hash() of a non-negative int is already its residue mod P; reducing
        # |num| first keeps the product small for huge numerators.
        magnitude = hash(hash(abs(num)) * inverse)
    h = magnitude if num >= 0 else -magnitude
    # -1 is reserved for errors at the C level, so no hash is ever -1.
    return -2 if h == -1 else h


# ---------------------------------------------------------------------------
# Parsing of strings such as ' -3/4 ', '1_000.5e-3', '.5'.

def _skip_spaces(s, i):
    n = len(s)
    while i < n and s[i].isspace():
        i += 1
    return i


def _digit_run_end(s, i):
    # A run of decimal digits in which single underscores may sit between
    # digits (as in int literals).  Returns i when no digit starts at i.
    n = len(s)
    if i >= n or not s[i].isdecimal():
        return i
    while True:
        while i < n and s[i].isdecimal():
            i += 1
        if i + 1 < n and s[i] == '_' and s[i + 1].isdecimal():
            i += 1
        else:
            return i


def _parse_rational(s):
    """Return (numerator, denominator) for a valid string, else None."""
    n = len(s)
    i = _skip_spaces(s, 0)
    negative = False
    if i < n and s[i] in '+-':
        negative = s[i] == '-'
        i += 1
    # Either an integer part or '.digit' must come first, so '.', '' and
    # 'e5' are all rejected.
    if not (i < n and (s[i].isdecimal() or
                       (s[i] == '.' and i + 1 < n and s[i + 1].isdecimal()))):
        return None
    end = _digit_run_end(s, i)
    num = int(s[i:end]) if end > i else 0
    den = 1
    i = end

    after = _skip_spaces(s, i)
    if after < n and s[after] == '/':
        start = _skip_spaces(s, after + 1)
        end = _digit_run_end(s, start)
        if end == start:
            return None
        den = int(s[start:end])
        i = end
    else:
        if i < n and s[i] == '.':
            end = _digit_run_end(s, i + 1)
            fraction_digits = s[i + 1:end].replace('_', '')
            if fraction_digits:
                scale = 10 ** len(fraction_digits)
                num = num * scale + int(fraction_digits)
                den = scale
            i = end
        if i < n and s[i] in 'eE':
            start = i + 1
            if start < n and s[start] in '+-':
                start += 1
            end = _digit_run_end(s, start)
            if end == start:
                return None
            exponent = int(s[i + 1:end])
            if exponent >= 0:
                num *= 10 ** exponent
            else:
                den *= 10 ** -exponent
            i = end

    if _skip_spaces(s, i) != n:
        return None
    return (-num if negative else num), den


# ---------------------------------------------------------------------------
# Helpers for __format__.

def _round_at_power(n, d, exponent, no_neg_zero=False):
    """n/d rounded (ties to even) to a multiple of 10**exponent.

    Returns (negative, magnitude) with the value being
    (-1)**negative * magnitude * 10**exponent.  d must be positive.
    """
    if exponent >= 0:
        d *= 10 ** exponent
    else:
        n *= 10 ** -exponent
    q, r = divmod(n, d)
    if 2 * r > d or (2 * r == d and q & 1):
        q += 1
    # Without 'z', a negative value that rounds to zero still shows '-0'.
    negative = q < 0 if no_neg_zero else n < 0
    return negative, abs(q)


def _round_significant(n, d, figures):
    """n/d rounded (ties to even) to `figures` significant digits.

    Returns (negative, significand, exponent) with
    10**(figures-1) <= significand < 10**figures, except for zero, whose
    exponent is chosen so that it prints with `figures` digits.
    """
    if n == 0:
        return False, 0, 1 - figures
    a = abs(n)
    # Decimal magnitude m with 10**(m-1) <= a/d < 10**m, found from the digit
    # counts and one exact comparison.
    shift = len(str(a)) - len(str(d))
    if shift >= 0:
        big = a >= d * 10 ** shift
    else:
        big = a * 10 ** -shift >= d
    m = shift + 1 if big else shift
    exponent = m - figures
    negative, significand = _round_at_power(n, d, exponent)
    # Rounding up may carry into one extra digit (9.99 -> 10.0).
    if significand == 10 ** figures:
        significand //= 10
        exponent += 1
    return negative, significand, exponent


def _pad(sign, body, fill, align, width):
    padding = fill * (width - len(sign) - len(body))
    if align == '<':
        return sign + body + padding
    if align == '^':
        left = len(padding) // 2
        return padding[:left] + sign + body + padding[left:]
    if align == '=':
        return sign + padding + body
    return padding + sign + body


def _group_thousands(digits, sep):
    head = 1 + (len(digits) - 1) % 3
    parts = [digits[:head]]
    for k in range(head, len(digits), 3):
        parts.append(digits[k:k + 3])
    return sep.join(parts)


def _parse_format_spec(spec):
    """Split a format spec into its fields.

    Returns a dict, or None when the spec is not of the shape
    [[fill]align][sign][z][#][0][width][,|_][.precision][type].
    Whether the fields are allowed together is decided by the caller.
    """
    n = len(spec)
    i = 0
    f = {'fill': None, 'align': None, 'sign': '', 'z': False, 'alt': False,
         'zeropad': False, 'width': None, 'sep': None, 'precision': None,
         'type': None}
    if n >= 2 and spec[1] in '<>=^':
        f['fill'], f['align'] = spec[0], spec[1]
        i = 2
    elif n >= 1 and spec[0] in '<>=^':
        f['align'] = spec[0]
        i = 1
    if i < n and spec[i] in '+- ':
        f['sign'] = spec[i]
        i += 1
    if i < n and spec[i] == 'z':
        f['z'] = True
        i += 1
    if i < n and spec[i] == '#':
        f['alt'] = True
        i += 1
    # A '0' only means zero padding when a width follows it; '0' alone is
    # a width of zero.
    if i + 1 < n and spec[i] == '0' and spec[i + 1] in '0123456789':
        f['zeropad'] = True
        i += 1
    i, f['width'] = _ascii_number(spec, i)
    if i < n and spec[i] in ',_':
        f['sep'] = spec[i]
        i += 1
    if i < n and spec[i] == '.':
        i, f['precision'] = _ascii_number(spec, i + 1)
        if f['precision'] is None:
            return None
    if i < n:
        f['type'] = spec[i]
        i += 1
    if i != n:
        return None
    return f


def _ascii_number(spec, i):
    # '0' or a number without leading zeros, as the format mini-language
    # for Fraction accepts it.
    n = len(spec)
    if i < n and spec[i] == '0':
        return i + 1, 0
    j = i
    while j < n and spec[j] in '0123456789':
        j += 1
    if j == i:
        return i, None
    return j, int(spec[i:j])


# ---------------------------------------------------------------------------

class Fraction(numbers.Rational):
    """A rational number numerator/denominator, kept in lowest terms with
    a positive denominator.

    Fraction(3, 4), Fraction(7), Fraction(0.25), Fraction('-1.5e3'),
    Fraction('3/4') and Fraction(other_rational) are all accepted.
    """

    __slots__ = ('_numerator', '_denominator')

    def __new__(cls, numerator=0, denominator=None):
        self = super(Fraction, cls).__new__(cls)

        if denominator is None:
            if type(numerator) is int:
                self._numerator = numerator
                self._denominator = 1
                return self
            if isinstance(numerator, numbers.Rational):
                # Any Rational is already normalised by contract.
                self._numerator = numerator.numerator
                self._denominator = numerator.denominator
                return self
            if isinstance(numerator, float) or (
                    Decimal is not None and isinstance(numerator, Decimal)):
                # as_integer_ratio is exact and already in lowest terms.
                self._numerator, self._denominator = \
                    numerator.as_integer_ratio()
                return self
            if isinstance(numerator, str):
                parsed = _parse_rational(numerator)
                if parsed is None:
                    raise ValueError('Invalid literal for Fraction: %r'
                                     % (numerator,))
                numerator, denominator = parsed
            else:
                raise TypeError("argument should be a string or a "
                                "Rational instance")
        elif type(numerator) is int and type(denominator) is int:
            pass
        elif (isinstance(numerator, numbers.Rational) and
              isinstance(denominator, numbers.Rational)):
            numerator, denominator = (
                numerator.numerator * denominator.denominator,
                denominator.numerator * numerator.denominator)
        else:
            raise TypeError("both arguments should be Rational instances")

        if denominator == 0:
            raise ZeroDivisionError('Fraction(%s, 0)' % (numerator,))
        g = math.gcd(numerator, denominator)
        if denominator < 0:
            g = -g
        self._numerator = numerator // g
        self._denominator = denominator // g
        return self

    @classmethod
    def _from_coprime_ints(cls, numerator, denominator, /):
        # Skips normalisation: callers guarantee lowest terms and den > 0.
        obj = super(Fraction, cls).__new__(cls)
        obj._numerator = numerator
        obj._denominator = denominator
        return obj

    @classmethod
    def from_float(cls, f):
        """Convert a finite float (or an Integral) to a Fraction exactly."""
        if isinstance(f, numbers.Integral):
            return cls(f)
        if not isinstance(f, float):
            raise TypeError("%s.from_float() only takes floats, not %r (%s)"
                            % (cls.__name__, f, type(f).__name__))
        return cls._from_coprime_ints(*f.as_integer_ratio())

    @classmethod
    def from_decimal(cls, dec):
        """Convert a finite Decimal (or an Integral) to a Fraction exactly."""
        if isinstance(dec, numbers.Integral):
            return cls(int(dec))
        if Decimal is None or not isinstance(dec, Decimal):
            raise TypeError(
                "%s.from_decimal() only takes Decimals, not %r (%s)"
                % (cls.__name__, dec, type(dec).__name__))
        return cls._from_coprime_ints(*dec.as_integer_ratio())

    def is_integer(self):
        """True when the denominator is 1."""
        return self._denominator == 1

    def as_integer_ratio(self):
        """(numerator, denominator), in lowest terms."""
        return (self._numerator, self._denominator)

    def limit_denominator(self, max_denominator=1000000):
        """The closest Fraction to self whose denominator is at most
        max_denominator."""
        # The best approximations from above and below are convergents or
        # semiconvergents of the continued fraction of self.  Walk the
        # convergents until the next denominator would be too big, then
        # compare the last convergent with the largest admissible
        # semiconvergent; a tie goes to the smaller denominator (the
        # convergent).
        if max_denominator < 1:
            raise ValueError("max_denominator should be at least 1")
        if self._denominator <= max_denominator:
            return Fraction(self)

        prev_p, prev_q, cur_p, cur_q = 0, 1, 1, 0
        n, d = self._numerator, self._denominator
        while True:
            a = n // d
            next_q = prev_q + a * cur_q
            if next_q > max_denominator:
                break
            prev_p, prev_q, cur_p, cur_q = (
                cur_p, cur_q, prev_p + a * cur_p, next_q)
            n, d = d, n - a * d
        k = (max_denominator - prev_q) // cur_q
        semi_q = prev_q + k * cur_q
        # |self - cur| = d / (cur_q * den) and the two candidates lie
        # 1 / (cur_q * semi_q) apart, on either side of self.
        if 2 * d * semi_q <= self._denominator:
            return Fraction._from_coprime_ints(cur_p, cur_q)
        return Fraction._from_coprime_ints(prev_p + k * cur_p, semi_q)

    @property
    def numerator(a):
        return a._numerator

    @property
    def denominator(a):
        return a._denominator

    def __repr__(self):
        return '%s(%s, %s)' % (type(self).__name__,
                               self._numerator, self._denominator)

    def __str__(self):
        if self._denominator == 1:
            return str(self._numerator)
        return '%s/%s' % (self._numerator, self._denominator)

    # -- formatting ---------------------------------------------------------

    def __format__(self, format_spec, /):
        if not isinstance(format_spec, str):
            # The messages CPython's regex-based spec matcher gives.
            if isinstance(format_spec, (bytes, bytearray, memoryview)):
                raise TypeError("cannot use a string pattern on a "
                                "bytes-like object")
            raise TypeError("expected string or bytes-like object, got %r"
                            % type(format_spec).__name__)
        f = _parse_format_spec(format_spec)
        if f is not None:
            if f['type'] is None and f['precision'] is None and not (
                    f['z'] or f['zeropad']):
                return self._format_as_fraction(f)
            # Mixing an explicit alignment with zero padding is ambiguous,
            # so it is refused rather than guessed.
            if f['type'] is not None and f['type'] in 'eEfFgG%' and not (
                    f['align'] is not None and f['zeropad']):
                return self._format_as_float(f)
        raise ValueError("Invalid format specifier %r for object of type %r"
                         % (format_spec, type(self).__name__))

    def _format_as_fraction(self, f):
        sep = f['sep'] or ''
        n, d = self._numerator, self._denominator
        body = format(abs(n), sep)
        if d != 1 or f['alt']:
            body += '/' + format(d, sep)
        sign = '-' if n < 0 else ('' if f['sign'] == '-' else f['sign'])
        return _pad(sign, body, f['fill'] or ' ', f['align'] or '>',
                    f['width'] or 0)

    def _format_as_float(self, f):
        kind = f['type']
        precision = 6 if f['precision'] is None else f['precision']
        alt = f['alt']
        n, d = self._numerator, self._denominator

        if kind in 'fF%':
            # '%' shows the value times 100, hence two more places.
            exponent = -precision - (2 if kind == '%' else 0)
            negative, significand = _round_at_power(n, d, exponent, f['z'])
            scientific = False
            after_point = precision
        else:
            figures = max(precision, 1) if kind in 'gG' else precision + 1
            negative, significand, exponent = _round_significant(
                n, d, figures)
            # 'g' switches to scientific notation exactly when float's
            # 'g' would: decimal exponent < -4 or >= the precision.
            scientific = (kind in 'eE' or exponent > 0 or
                          exponent + figures <= -4)
            after_point = figures - 1 if scientific else -exponent

        if kind == '%':
            suffix = '%'
        elif scientific:
            suffix = '%s%+03d' % ('E' if kind in 'EG' else 'e',
                                  exponent + after_point)
        else:
            suffix = ''

        digits = str(significand).rjust(after_point + 1, '0')
        split = len(digits) - after_point
        leading, tail = digits[:split], digits[split:]
        if kind in 'gG' and not alt:
            tail = tail.rstrip('0')
        point = '.' if (tail or alt) else ''
        trailing = point + tail + suffix

        sign = '-' if negative else ('' if f['sign'] == '-' else f['sign'])
        width = f['width'] or 0
        sep = f['sep']
        if f['zeropad']:
            room = width - len(sign) - len(trailing)
            if sep:
                # Fewest digits whose grouped form fills the room (every
                # three digits bring one separator).
                ndigits = 1
                while ndigits + (ndigits - 1) // 3 < room:
                    ndigits += 1
                leading = leading.rjust(ndigits, '0')
            else:
                leading = leading.rjust(room, '0')
        if sep:
            leading = _group_thousands(leading, sep)
        return _pad(sign, leading + trailing, f['fill'] or ' ',
                    f['align'] or '>', width)

    # -- arithmetic ---------------------------------------------------------

    def _mixed(rational_op, float_op, complex_ok=True):
        # Build a forward and a reflected method from an exact operation on
        # two Fractions.  Mixed with floats (or complex) the Fraction is
        # converted and the float operation decides; unknown types get
        # NotImplemented so that their own reflected method can run.
        def forward(a, b):
            if isinstance(b, Fraction):
                return rational_op(a, b)
            if isinstance(b, int):
                return rational_op(a, Fraction._from_coprime_ints(b, 1))
            if isinstance(b, float):
                return float_op(float(a), b)
            if complex_ok and isinstance(b, complex):
                return float_op(complex(a), b)
            return NotImplemented

        def reflected(b, a):
            if isinstance(a, numbers.Rational):
                return rational_op(Fraction(a), b)
            if isinstance(a, numbers.Real):
                return float_op(float(a), float(b))
            if complex_ok and isinstance(a, numbers.Complex):
                return float_op(complex(a), complex(b))
            return NotImplemented

        name = float_op.__name__.strip('_')
        forward.__name__ = '__%s__' % name
        reflected.__name__ = '__r%s__' % name
        forward.__doc__ = reflected.__doc__ = rational_op.__doc__
        return forward, reflected

    def _add(a, b):
        """a + b"""
        return a._add_or_sub(b, 1)

    def _sub(a, b):
        """a - b"""
        return a._add_or_sub(b, -1)

    def _add_or_sub(a, b, sign):
        na, da = a._numerator, a._denominator
        nb, db = b._numerator, b._denominator
        # Working over the lcm of the denominators keeps intermediate
        # numbers small; only the shared factor g can divide the result.
        g = math.gcd(da, db)
        if g == 1:
            return Fraction._from_coprime_ints(na * db + sign * da * nb,
                                               da * db)
        da_part = da // g
        t = na * (db // g) + sign * nb * da_part
        g2 = math.gcd(t, g)
        return Fraction._from_coprime_ints(t // g2,
                                           da_part * (db // g2))

    def _mul(a, b):
        """a * b"""
        na, da = a._numerator, a._denominator
        nb, db = b._numerator, b._denominator
        # Cross-cancelling first leaves a product already in lowest terms.
        g1 = math.gcd(na, db)
        g2 = math.gcd(nb, da)
        return Fraction._from_coprime_ints((na // g1) * (nb // g2),
                                           (da // g2) * (db // g1))

    def _div(a, b):
        """a / b"""
        nb, db = b._numerator, b._denominator
        if nb == 0:
            raise ZeroDivisionError('Fraction(%s, 0)' % db)
        na, da = a._numerator, a._denominator
        g1 = math.gcd(na, nb)
        g2 = math.gcd(da, db)
        n = (na // g1) * (db // g2)
        d = (nb // g1) * (da // g2)
        if d < 0:
            n, d = -n, -d
        return Fraction._from_coprime_ints(n, d)

    def _floordiv(a, b):
        """a // b"""
        return ((a._numerator * b._denominator) //
                (a._denominator * b._numerator))

    def _divmod(a, b):
        """(a // b, a % b)"""
        da, db = a._denominator, b._denominator
        q, r = divmod(a._numerator * db, da * b._numerator)
        return q, Fraction(r, da * db)

    def _mod(a, b):
        """a % b"""
        da, db = a._denominator, b._denominator
        return Fraction((a._numerator * db) % (b._numerator * da), da * db)

    __add__, __radd__ = _mixed(_add, operator.add)
    __sub__, __rsub__ = _mixed(_sub, operator.sub)
    __mul__, __rmul__ = _mixed(_mul, operator.mul)
    __truediv__, __rtruediv__ = _mixed(_div, operator.truediv)
    # Floor division and modulo are not defined for complex numbers.
    __floordiv__, __rfloordiv__ = _mixed(_floordiv, operator.floordiv, False)
    __divmod__, __rdivmod__ = _mixed(_divmod, divmod, False)
    __mod__, __rmod__ = _mixed(_mod, operator.mod, False)
    del _mixed

    def __pow__(a, b):
        """a ** b; exact for integral b, a float (or complex) otherwise."""
        if isinstance(b, numbers.Rational):
            if b.denominator != 1:
                # Roots are irrational in general.
                return float(a) ** float(b)
            power = b.numerator
            n, d = a._numerator, a._denominator
            if power >= 0:
                return Fraction._from_coprime_ints(n ** power, d ** power)
            if n == 0:
                raise ZeroDivisionError('Fraction(%s, 0)' % (d ** -power))
            # Invert, moving the sign to the new numerator.
            if n < 0:
                n, d = -n, -d
            return Fraction._from_coprime_ints(d ** -power, n ** -power)
        if isinstance(b, (float, complex)):
            return float(a) ** b
        return NotImplemented

    def __rpow__(b, a):
        """a ** b"""
        if b._denominator == 1 and b._numerator >= 0:
            # A natural exponent: let the base's own type do the work.
            return a ** b._numerator
        if isinstance(a, numbers.Rational):
            return Fraction(a.numerator, a.denominator) ** b
        if b._denominator == 1:
            return a ** b._numerator
        return a ** float(b)

    def __pos__(a):
        """+a (a subclass instance becomes a plain Fraction)"""
        return Fraction._from_coprime_ints(a._numerator, a._denominator)

    def __neg__(a):
        """-a"""
        return Fraction._from_coprime_ints(-a._numerator, a._denominator)

    def __abs__(a):
        """abs(a)"""
        return Fraction._from_coprime_ints(abs(a._numerator), a._denominator)

    def __int__(a, _index=operator.index):
        """int(a), truncating toward zero"""
        n, d = a._numerator, a._denominator
        q = -(-n // d) if n < 0 else n // d
        return _index(q)

    def __trunc__(a):
        """math.trunc(a)"""
        n, d = a._numerator, a._denominator
        return -(-n // d) if n < 0 else n // d

    def __floor__(a):
        """math.floor(a)"""
        return a._numerator // a._denominator

    def __ceil__(a):
        """math.ceil(a)"""
        return -(-a._numerator // a._denominator)

    def __round__(self, ndigits=None):
        """round(self[, ndigits]), rounding halves to even"""
        if ndigits is None:
            q, r = divmod(self._numerator, self._denominator)
            twice = 2 * r
            if twice > self._denominator or (
                    twice == self._denominator and q & 1):
                q += 1
            return q
        scale = 10 ** abs(ndigits)
        if ndigits > 0:
            return Fraction(round(self * scale), scale)
        return Fraction(round(self / scale) * scale)

    # -- comparisons and hashing -------------------------------------------

    def __hash__(self):
        return _fraction_hash(self._numerator, self._denominator)

    def __eq__(a, b):
        """a == b"""
        if type(b) is int:
            return a._numerator == b and a._denominator == 1
        if isinstance(b, numbers.Rational):
            return (a._numerator == b.numerator and
                    a._denominator == b.denominator)
        if isinstance(b, numbers.Complex) and b.imag == 0:
            b = b.real
        if isinstance(b, float):
            if math.isnan(b) or math.isinf(b):
                # Any finite value compares with nan/inf the way 0.0 does.
                return 0.0 == b
            return a == a.from_float(b)
        return NotImplemented

    def _compare(self, other, op):
        if isinstance(other, numbers.Rational):
            return op(self._numerator * other.denominator,
                      self._denominator * other.numerator)
        if isinstance(other, float):
            if math.isnan(other) or math.isinf(other):
                return op(0.0, other)
            return op(self, self.from_float(other))
        return NotImplemented

    def __lt__(a, b):
        """a < b"""
        return a._compare(b, operator.lt)

    def __gt__(a, b):
        """a > b"""
        return a._compare(b, operator.gt)

    def __le__(a, b):
        """a <= b"""
        return a._compare(b, operator.le)

    def __ge__(a, b):
        """a >= b"""
        return a._compare(b, operator.ge)

    def __bool__(a):
        """a != 0"""
        return bool(a._numerator)

    # -- pickling and copying -----------------------------------------------

    def __reduce__(self):
        return (type(self), (self._numerator, self._denominator))

    def __copy__(self):
        # Fractions are immutable, but a subclass may carry mutable state.
        if type(self) == Fraction:
            return self
        return type(self)(self._numerator, self._denominator)

    def __deepcopy__(self, memo):
        if type(self) == Fraction:
            return self
        return type(self)(self._numerator, self._denominator)
