import collections, functools, operator
dq = collections.deque([1, 2, 3], maxlen=4)
dq.appendleft(0); dq.append(4); dq.rotate(1)
print(dq, list(dq), dq.maxlen)
c = collections.Counter(a=3, b=1) + collections.Counter(a=1, c=2)
print(sorted(c.items()), c.total())
print(functools.reduce(operator.add, range(5)), functools.reduce(lambda a, b: a * b, [1, 2, 3], 10))
@functools.lru_cache(maxsize=None)
def fib(n): return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80), fib.cache_info().hits > 0)
print(operator.itemgetter(1)("abc"), operator.attrgetter("real")(3), operator.methodcaller("upper")("x"))
@functools.wraps(fib)
def wrapper(): pass
print(wrapper.__name__)
