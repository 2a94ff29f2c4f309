x = 10
lst = [x for x in range(3)]
print(x, lst)
print([y for y in range(2)])
print('y' in dir())
def f():
    n = 2
    return [[n * i * j for j in range(n)] for i in range(n)]
print(f())
print({k: v for k, v in zip("ab", [x, x + 1])})
g = (x * 2 for x in range(3))
print(list(g), x)
def h():
    return [lambda: i for i in range(3)]
print([fn() for fn in h()])
