for v in [0.1, 1.0, 1e16, 1e15, 123456789.123, 1e-5, 0.0001, 1.5e300, 2 ** 0.5, 1 / 7, 100.0, 1e22, 1e21, 12345678901234567.0]:
    print(repr(v), str(v))
print(float("1e500"), float("-inf"), float("nan"), float(" 3.5\n"), float("1_0.5"))
print(float.fromhex("0x1.8p1"), (1.5).hex(), float(10 ** 20))
print((3.0).is_integer(), (2.5).as_integer_ratio(), (0.1).as_integer_ratio())
