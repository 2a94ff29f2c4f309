print(2 + 3 * 4 ** 2 // 5 % 7 - 1, -2 ** 2, not 1 + 1 == 2, 1 | 2 ^ 3 & 4, 1 << 2 + 1)
print(1 < 2 == 2 > 1, (1 < 2) == (2 > 1), 3 > 2 in [True], "a" in "abc" in ["abc"])
print(1 if 2 else 3 if 4 else 5, (lambda: 1 or 2)(), [] or {} or 0 or None)
print(-(-1), - - 1, ~~5, not not 0, +-+1)
x = 5
print(0 <= x < 10 != 11, x is not None is not False)
