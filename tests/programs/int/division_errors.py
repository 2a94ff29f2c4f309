for expr in ["1 / 0", "1 // 0", "1 % 0", "divmod(1, 0)", "0 ** -1", "pow(2, -1, 4)", "pow(2, 2, 0)", "1 << -1"]:
    try:
        eval(expr)
    except Exception as e:
        print(expr, "->", type(e).__name__, e)
