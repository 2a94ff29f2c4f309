import itertools as it
print(list(it.islice(it.count(5, 2), 4)), list(it.repeat("x", 3)), list(it.chain([1], (2, 3), "ab")))
print(list(it.product("ab", repeat=2)), list(it.permutations([1, 2, 3], 2)), list(it.combinations("abcd", 2)))
print(list(it.accumulate([1, 2, 3, 4])), [(k, list(g)) for k, g in it.groupby("aabbbc")])
print(list(it.zip_longest("ab", "xyz", fillvalue="-")), list(it.takewhile(lambda x: x < 3, [1, 2, 5, 1])))
print(list(it.dropwhile(lambda x: x < 3, [1, 2, 5, 1])), list(it.starmap(pow, [(2, 3), (3, 2)])), list(it.pairwise("abc")))
print(list(it.batched(range(7), 3)), list(it.compress("abcd", [1, 0, 1, 0])), list(it.islice(it.cycle("ab"), 5)))
