print(hash(1.0) == hash(1), hash(0.5), hash(-0.0), hash(float("inf")), hash(1e100) == hash(int(1e100)))
print(1.0 == 1, 0.1 + 0.2 == 0.3, float("nan") != float("nan"), 2 ** 53 + 1 == float(2 ** 53 + 1))
import math
print(math.isclose(0.1 + 0.2, 0.3), max(1.5, 2), min(float("nan"), 1))
print(sorted([2.5, -1, 0.0, 3]))
