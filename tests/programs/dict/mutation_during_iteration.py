d = {'a': 1, 'b': 2}
for bad in [lambda: [d.__setitem__('z', 1) for k in d], lambda: [d.pop(k) for k in d]]:
    try:
        bad()
    except RuntimeError as e:
        print('RuntimeError', e)
d = {'a': 1, 'b': 2}
it = iter(d)
print(next(it))
del d['a']
d['c'] = 3
print(next(it))
try:
    next(it)
except RuntimeError as e:
    print(e)
d = dict.fromkeys(range(10))
for k in list(d):
    if k % 2:
        del d[k]
print(d, list(reversed(d)), list(reversed(d.items()))[:2], list(reversed(d.values()))[:2])
print(d.popitem(), d.popitem(), len(d))
big = {}
for i in range(100000):
    big[str(i)] = i
for i in range(0, 100000, 3):
    del big[str(i)]
print(len(big), big['99998'], list(big)[:5], list(big.items())[-2:])
e = {}
e[1] = e
print(e, {1: [2, (3, {})]}, dict(a=1, b=[1]), dict([(1, 2), 'ab']))
for bad in ["dict([(1, 2, 3)])", "dict([1])", "dict(1)", "{}.popitem()", "dict({}, {})",
            "{}[[]]", "{'a': 1} < {'b': 2}", "{}.pop(1)", "{}.get()", "{}.fromkeys()"]:
    try:
        print(eval(bad))
    except Exception as e:
        print(type(e).__name__, e)
