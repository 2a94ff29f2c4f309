def gen():
    x = 0
    while x < 3:
        x += 1
        yield x
print(list(gen()))
print(gen.__code__.co_varnames)
y = 10
g = (y + i for i in range(3))
y = 20
print(list(g))
g2 = (i for i in range(y))
y = 1
print(len(list(g2)))
