print(sorted([3, 1, 2]), sorted("bca", reverse=True), sorted({"b": 1, "a": 2}), sorted([], key=len))
print(min([3, 1]), max(3, 1, 2), min("abc", key=ord), max([], default="empty"), min([(1, "b"), (1, "a")]))
print(max([1, 5, 3], key=lambda v: -v), min([], default=None), max("hello"))
print(sum([1, 2, 3]), sum([1, 2], 10), sum([0.1] * 10), sum([[1], [2]], []), sum(range(5), start=100))
for expr in ["min([])", "max()", "max(1)", "sum(['a', 'b'], '')", "sorted([1, 'a'])", "min(1, 2, key=5)"]:
    try:
        eval(expr)
    except Exception as e:
        print(type(e).__name__, e)
