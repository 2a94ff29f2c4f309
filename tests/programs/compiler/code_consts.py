def f():
    x = 1
    y = "s"
    z = (1, 2)
    return None
print(f.__code__.co_consts)
def g():
    "docstring"
    return 3.5
print(g.__code__.co_consts, g.__doc__)
def h(a):
    return a + 1000
print(1000 in h.__code__.co_consts)
def names():
    return len(print)
print(names.__code__.co_names)
