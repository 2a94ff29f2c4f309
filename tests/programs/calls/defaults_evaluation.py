counter = 0
def next_val():
    global counter
    counter += 1
    return counter
def f(a=next_val(), b=[]):
    b.append(a)
    return b
print(f(), f(), f(10), counter)
def g(x, y=None):
    if y is None:
        y = []
    y.append(x)
    return y
print(g(1), g(2))
def kwonly(*, a=1, b): return a, b
print(kwonly(b=2), kwonly.__kwdefaults__)
def order(): print("order"); return 0
def h(a=order(), *, b=order()): pass
