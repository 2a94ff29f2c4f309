for expr in ["1.0 / 0", "1.0 // 0.0", "1.0 % 0", "float('abc')", "2.0 ** 10000", "(-1.0) ** 0.5", "int(float('inf'))", "int(float('nan'))", "float(10 ** 400)", "0.0 ** -1"]:
    try:
        print(expr, "=", eval(expr))
    except Exception as e:
        print(expr, "->", type(e).__name__, e)
