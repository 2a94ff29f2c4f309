s = slice(1, 10, 2)
print(s, s.start, s.stop, s.step, s.indices(5), slice(None, None, -1).indices(4))
print(slice(-100, 100).indices(7), slice(2 ** 80, None, -2 ** 70).indices(10))
print(slice(1, 2) == slice(1, 2), slice(1, 2) < slice(1, 3), hash(slice(1, 2)) == hash(slice(1, 2)))
print({slice(1, 2): 'x'}[slice(1, 2)], slice(3), slice('a', 'b', 'c'))
L = list(range(10))
print(L[slice(2, 8, 3)], L[::-3], L[-2:], L[8:2:-2], L[100:], L[-100:2])
for bad in ["slice()", "slice(1, 2, 3, 4)", "slice(1).indices(-1)", "slice(0, 1, 0).indices(3)",
            "L[::0]", "L['a':]", "slice(1, x=2)", "slice(1, 2, 'a').indices(3)"]:
    try:
        print(eval(bad))
    except Exception as e:
        print(type(e).__name__, e)
