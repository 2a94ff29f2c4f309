import math
for expr in ["math.sqrt(-1)", "math.log(0)", "math.log(-1)", "math.acos(2)", "math.factorial(-1)", "math.factorial(2.5)", "math.exp(1000)", "math.pow(0, -1)", "math.comb(-1, 2)", "math.isqrt(-1)", "math.gamma(0)", "math.fmod(1, 0)", "math.sqrt('x')", "math.ldexp(1.0, 10000)", "math.floor(math.inf)", "math.floor(math.nan)", "math.log(1, 1)", "math.atanh(1)", "math.lcm(1.5)"]:
    try:
        print(expr, "=", eval(expr))
    except Exception as e:
        print(expr, "->", type(e).__name__ + ":", e)
