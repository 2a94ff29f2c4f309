print(list(enumerate("abc")), list(enumerate("ab", start=5)))
print(list(zip("abc", range(10))), list(zip()), list(zip([1], [2], [3])))
print(list(map(str.upper, "ab")), list(map(lambda a, b: a * b, [1, 2], [3, 4, 5])))
print(list(filter(None, [0, 1, "", "x"])), list(filter(lambda v: v > 1, [1, 2, 3])))
print(list(reversed([1, 2, 3])), list(reversed("ab")), list(reversed(range(3))))
try:
    list(zip([1, 2], [1], strict=True))
except ValueError as e:
    print(e)
it = iter([1, 2])
print(next(it), next(it), next(it, "done"))
try:
    next(it)
except StopIteration as e:
    print("StopIteration", repr(e))
