def outer(a, b=2):
    def middle(c=a * 10):
        def inner(d=b + c):
            return a, b, c, d
        return inner
    return middle
print(outer(1)()(), outer(1, 3)(5)(), outer(0)()(100))
def recursive_default(n, acc=None):
    acc = [] if acc is None else acc
    if n:
        acc.append(n)
        return recursive_default(n - 1, acc)
    return acc
print(recursive_default(4))
