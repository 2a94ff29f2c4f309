def f():
    return 2 ** 10
print(f.__code__.co_consts)
def g():
    return "a" + "b"
print(g.__code__.co_consts)
def h():
    return (1, (2, 3))
print(h.__code__.co_consts)
def k():
    return -5
print(k.__code__.co_consts)
def m(x):
    return x in [1, 2, 3]
print(m.__code__.co_consts)
