a, b = 7, 3
print(a + b, a - b, a * b, a / b, a // b, a % b, a ** b, a << b, a >> b, a & b, a | b, a ^ b, ~a)
print(a < b, a > b, a <= b, a >= b, a == b, a != b)
c = 5
c += 1; c -= 2; c *= 3; c //= 2; c %= 4; c **= 3; c <<= 2; c >>= 1; c |= 1; c &= 7; c ^= 2
print(c)
x = [1, 2]
print(x[-1], x[:1], not a, -a, +a, a if b else c)
d = 9.0; d /= 2; print(d)
import operator
class M:
    def __matmul__(self, o): return "matmul"
    def __imatmul__(self, o): return "imatmul"
m = M(); print(m @ m); m @= 1; print(m)
print(1 < 2 < 3, 3 > 2 > 2)
