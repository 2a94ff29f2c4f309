for v in [0.5, 1.5, 2.5, -0.5, -1.5, 0.125, 0.375, 2.675, 1.005]:
    print(v, round(v), round(v, 1), round(v, 2))
print(divmod(-7.5, 2), divmod(7.5, -2), divmod(-0.0, 1), 5.0 // 0.1, 5.0 % 0.1, -5 % 0.3)
print(round(123.456, -1), round(123.456, -2), round(-0.0), round(0.0, 1), round(1e300, -299))
