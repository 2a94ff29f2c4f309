print(list(map(pow, [2, 3], [3, 2])), list(zip(range(3), "ab", [True] * 5)))
print(dict(enumerate("xyz")), list(enumerate(range(3), -1)))
print(sorted(zip([3, 1, 2], "abc")), list(map(len, ["a", "bb", ""])))
print(any(x > 2 for x in [1, 2, 3]), all(isinstance(x, int) for x in [1, "a"]))
