r = range(2, 20, 3)
print(r, list(r), len(r), r[0], r[-1], r[1:3], r[::-1], 5 in r, 6 in r, r.index(8), r.count(5))
print(list(range(5)), list(range(0)), list(range(5, 0, -2)), range(0, 10) == range(0, 10, 1), range(0) == range(2, 2))
print(range(10 ** 20)[-1], range(-5, 5)[::3], repr(range(1, 2, 1)))
for bad in ["range(1, 2, 0)", "range(1.5)", "range(5)[10]", "range(3).index(7)", "len(range(2**64))"]:
    try:
        eval(bad)
    except Exception as e:
        print(type(e).__name__, e)
print(hash(range(3)) == hash(range(0, 3)), list(reversed(range(3))), sum(range(0, 100, 7)))
