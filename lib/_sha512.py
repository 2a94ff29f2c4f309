"""Pure-Python SHA-512 (FIPS 180-4), used by random.seed() for str/bytes."""

_MASK = 0xFFFFFFFFFFFFFFFF


def _primes(count):
    found = []
    n = 2
    while len(found) < count:
        if all(n % p for p in found if p * p <= n):
            found.append(n)
        n += 1
    return found


def _iroot_frac(p, k):
    # First 64 bits of the fractional part of p ** (1/k), computed exactly
    # with integers so no float rounding can creep in.
    scale = 1 << 64
    target = p * scale ** k
    lo, hi = 0, 1 << (64 + 8)
    while lo < hi:
        mid = (lo + hi + 1) >> 1
        if mid ** k <= target:
            lo = mid
        else:
            hi = mid - 1
    return lo & _MASK


_P = _primes(80)
_K = [_iroot_frac(p, 3) for p in _P]
_H0 = [_iroot_frac(p, 2) for p in _P[:8]]


def _rotr(x, n):
    return ((x >> n) | (x << (64 - n))) & _MASK


def _compress(h, block):
    w = [int.from_bytes(block[i:i + 8], 'big') for i in range(0, 128, 8)]
    for t in range(16, 80):
        s0 = _rotr(w[t - 15], 1) ^ _rotr(w[t - 15], 8) ^ (w[t - 15] >> 7)
        s1 = _rotr(w[t - 2], 19) ^ _rotr(w[t - 2], 61) ^ (w[t - 2] >> 6)
        w.append((w[t - 16] + s0 + w[t - 7] + s1) & _MASK)
    a, b, c, d, e, f, g, hh = h
    for t in range(80):
        S1 = _rotr(e, 14) ^ _rotr(e, 18) ^ _rotr(e, 41)
        ch = (e & f) ^ (~e & g)
        t1 = (hh + S1 + ch + _K[t] + w[t]) & _MASK
        S0 = _rotr(a, 28) ^ _rotr(a, 34) ^ _rotr(a, 39)
        maj = (a & b) ^ (a & c) ^ (b & c)
        t2 = (S0 + maj) & _MASK
        hh, g, f, e, d, c, b, a = g, f, e, (d + t1) & _MASK, c, b, a, \
            (t1 + t2) & _MASK
    return [(x + y) & _MASK for x, y in zip(h, (a, b, c, d, e, f, g, hh))]


def sha512_digest(data):
    data = bytes(data)
    length = len(data) * 8
    padded = data + b'\x80'
    padded += b'\x00' * ((112 - len(padded) % 128) % 128)
    padded += length.to_bytes(16, 'big')
    h = list(_H0)
    for i in range(0, len(padded), 128):
        h = _compress(h, padded[i:i + 128])
    return b''.join(x.to_bytes(8, 'big') for x in h)
