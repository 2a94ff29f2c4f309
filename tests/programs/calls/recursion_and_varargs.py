def fact(n): return 1 if n <= 1 else n * fact(n - 1)
print(fact(20), fact(100) % 1000007)
def fib(n, memo={}):
    if n < 2: return n
    if n not in memo: memo[n] = fib(n - 1) + fib(n - 2)
    return memo[n]
print(fib(90))
def total(*nums, start=0): return start + sum(nums)
print(total(), total(1, 2, 3), total(*range(10), start=100))
def kw(**opts): return ",".join(f"{k}={v}" for k, v in opts.items())
print(kw(b=1, a=2), kw(**dict(z=1), y=2))
