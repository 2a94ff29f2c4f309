a = 2 ** 200
print(a)
print(a * a - 1)
print(a // 3 ** 50, a % 3 ** 50)
print(-a // 7, -a % 7)
f = 1
for i in range(1, 40):
    f *= i
print(f)
print(hex(a), oct(2 ** 70), bin(2 ** 70 - 1))
print(a.bit_length(), (a - 1).bit_count())
print(int("9" * 50) + 1)
print((-a) >> 3, (-a) << 3)
print(a == 2.0 ** 200, a < float("inf"))
