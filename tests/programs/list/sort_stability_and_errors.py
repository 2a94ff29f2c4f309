pairs = [(3, 'a'), (1, 'b'), (3, 'c'), (2, 'd'), (1, 'e'), (3, 'f')]
print(sorted(pairs, key=lambda p: p[0]), sorted(pairs, key=lambda p: p[0], reverse=True))
x = list(range(100, 0, -1)) + list(range(50))
x.sort()
print(x[:5], x[-5:], x == sorted(x))
words = 'the quick brown fox jumps over the lazy dog'.split()
words.sort(key=len)
print(words)
words.sort(key=str.lower, reverse=True)
print(words)
L = None
l = [3, 1, 2]
def bad_key(v):
    l.append(v)
    return v
try:
    l.sort(key=bad_key)
except ValueError as e:
    print('ValueError', e, l)
for bad in ["[1, 'a'].sort()", "[].sort(1)", "[].sort(key=1, x=2)", "[3, 1].sort(key=1)",
            "[1, 2].index(3)", "[].pop()", "[1].pop(5)", "[].remove(0)", "[1] + (1,)",
            "[1] * 'a'", "[].insert(0)", "[1][2]", "[1][L]"]:
    try:
        print(eval(bad))
    except Exception as e:
        print(type(e).__name__, e)
l = [1, 2, 3, 4, 5, 6]
l[1:5:2] = 'ab'
print(l)
try:
    l[::2] = [1]
except ValueError as e:
    print(e)
del l[::3]
print(l)
l[1:1] = range(3)
print(l, l.__sizeof__() > 0)
l += 'xy'
l *= 2
print(l)
