import math
print(math.gcd(), math.gcd(0, 0), math.gcd(-12, 18), math.lcm(), math.lcm(0, 5), math.isqrt(10 ** 40), math.isqrt(0))
print(math.comb(100, 50), math.perm(10), math.perm(10, 0), math.factorial(0), math.prod([]), math.prod(range(1, 11), start=2))
print(math.floor(2 ** 80 + 0.0) == 2 ** 80, math.ceil(-0.5), math.trunc(1e20), math.fsum([1e100, 1.0, -1e100]), sum([1e100, 1.0, -1e100]))
print(math.log(2 ** 1000), math.log2(2 ** 1000), math.log10(10 ** 300), math.sqrt(10 ** 300))
print(math.isclose(1, 1.1, rel_tol=0.2), math.isclose(0, 1e-10), math.isclose(0, 1e-10, abs_tol=1e-9))
