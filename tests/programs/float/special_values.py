inf, nan = float("inf"), float("nan")
print(inf + 1, inf * 0, -inf, inf > 1e308, nan == nan, nan != nan, nan is nan, [nan] == [nan])
print(float("-0"), -0.0 == 0.0, str(-0.0), 1 / inf, -1 / inf, repr(float("Infinity")), float("-NaN"))
import math
print(math.copysign(1, -0.0), math.isnan(inf - inf), max(nan, 1), max(1, nan), sorted([3, nan, 1]))
print(round(inf) if False else "skip", int(1e18), int(-1e18), float(2 ** 63), 2 ** 63 == float(2 ** 63))
print(1e308 + 1e308, -1e308 - 1e308, 1e-320, 5e-324 * 0.5, 0.1 * 3, 0.3 / 0.1)
