def make_counter():
    count = 0
    def inc():
        nonlocal count
        count += 1
        return count
    return inc
c = make_counter()
print(c(), c(), c())
print(c.__closure__[0].cell_contents, c.__code__.co_freevars, make_counter.__code__.co_cellvars)
def outer():
    x = "outer"
    def mid():
        def inner():
            return x
        return inner
    return mid()()
print(outer())
fs = []
for i in range(3):
    fs.append(lambda: i)
print([f() for f in fs])
def late():
    def g(): return v
    v = 10
    return g()
print(late())
