big = 2 ** 70
r = range(big, big + 10, 3)
print(r, list(r), r[1], r[-1], r[::-1], r[1:3], len(r))
print(big + 3 in r, big + 4 in r, r.index(big + 6), r.count(big), type(iter(r)).__name__)
print(list(reversed(range(big, big + 3))), type(reversed(range(3))).__name__)
print(range(0, 10, 3) == range(0, 12, 3), range(0, 1, 5) == range(0, 1, 7), range(3) != range(4))
print(hash(range(0)) == hash(range(5, 5)), bool(range(0)), bool(range(big)))
print(range(-3, 3)[::2], range(10)[slice(None, None, -3)], range(10)[2:100], range(5).start, range(1, 5, 2).step)
it = iter(range(5))
next(it)
print(it.__length_hint__(), list(it), it.__length_hint__())
print(3.0 in range(5), True in range(2), [i for i in range(10, 0, -4)])
for bad in ["range()", "range(1, 2, 3, 4)", "range(x=1)", "range('a')", "range(1, 2, 0)",
            "len(range(big))", "range(5)['a']", "range(3).index(3)", "range(3).index('a')",
            "range(big)[big]", "range(1) < range(2)"]:
    try:
        print(eval(bad))
    except Exception as e:
        print(type(e).__name__, e)
