import math
print(math.factorial(5))
x = float(2 ** 2000)
