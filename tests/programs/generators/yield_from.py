def inner():
    x = yield 1
    print("inner got", x)
    y = yield 2
    print("inner got", y)
    return "inner done"
def outer():
    r = yield from inner()
    print("outer got", r)
    yield from [10, 20]
    yield from range(2)
    return "outer done"
g = outer()
print(next(g), g.send("a"), g.send("b"), next(g), next(g), next(g))
try:
    next(g)
except StopIteration as e:
    print(e.value)
def delegating_throw():
    try:
        yield from inner()
    except ValueError as e:
        yield f"caught {e}"
d = delegating_throw(); next(d)
print(d.throw(ValueError("via outer")))
