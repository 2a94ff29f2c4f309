for args in [([1, 2], [3]), ([1], [3, 4]), ([1], [2], [3, 4]), ([1, 2], [3, 4], [5]), ([], [])]:
    try:
        print(list(zip(*args, strict=True)))
    except ValueError as e:
        print('ValueError', e)
print(list(enumerate('abc', 2 ** 64)), list(enumerate('ab', start=-1)))
print(list(map(pow, [2, 3], [5, 2, 9])), list(filter(None, [0, '', 'a', [], [0]])), list(filter(lambda x: x > 1, range(4))))
print(list(reversed((1, 2, 3))), list(reversed('abc')), list(reversed([])), reversed([1]).__length_hint__())
class Seq:
    def __len__(self):
        return 3
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError
        return i * 10
print(list(Seq()), list(reversed(Seq())), list(iter(Seq())), 20 in Seq())
calls = iter([1, 2, 3, 0, 5])
print(list(iter(lambda: next(calls), 0)))
it = iter([1, 2, 3])
print(it.__length_hint__(), next(it), it.__length_hint__(), list(it), it.__length_hint__())
for bad in ["enumerate()", "enumerate([], 1, 2)", "enumerate([], x=1)", "enumerate([], 'a')",
            "reversed(1)", "reversed()", "reversed({1})", "zip(x=1)", "map(len)", "map(len, [], x=1)",
            "filter(None)", "iter(1)", "next(iter([]))"]:
    try:
        print(eval(bad))
    except Exception as e:
        print(type(e).__name__, e)
