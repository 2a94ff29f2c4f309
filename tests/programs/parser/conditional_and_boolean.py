print(1 and 2, 0 and 2, 1 or 2, 0 or "", None or 0 or [] or "last")
print(not 0, not [1], 1 if 0 else 2, "a" if "" else "b")
x = 5
print(0 < x < 10, 0 < x > 10, x is not None, x not in [1, 2], x in range(10))
print((1, 2) < (1, 3), [1, 2] == [1, 2], "a" < "b" <= "b")
def side(v):
    print("eval", v); return v
print(side(0) and side(1))
print(side(1) or side(2))
print(side(1) < side(0) < side(5))
