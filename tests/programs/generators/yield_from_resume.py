# `yield from` and `await` delegation: values, returns, throw, close and
# errors, whichever way the delegating frames are resumed.
def inner():
    got = yield "first"
    print("inner got", got)
    try:
        got = yield "second"
    except KeyError as e:
        print("inner caught", repr(e))
        got = yield "after throw"
    return f"inner result {got}"


def outer():
    r = yield from inner()
    print("outer got", r)
    yield "outer done"


g = outer()
print(next(g))
print(g.send("A"))
print(g.throw(KeyError("k")))
print(g.send("B"))
print(next(g, "exhausted"))


def chain(n):
    if n == 0:
        x = yield "bottom"
        return x * 2
    v = yield from chain(n - 1)
    return v + 1


c = chain(50)
print(next(c))
try:
    c.send(10)
except StopIteration as e:
    print("returned", e.value)


def fails():
    yield 1
    raise ValueError("from inner")


def delegate():
    try:
        yield from fails()
    except ValueError as e:
        yield f"delegate caught {e}"


print(list(delegate()))


def closer():
    try:
        yield from inner()
    finally:
        print("closer finally")


cl = closer()
next(cl)
cl.close()
print(cl.gi_frame)


def selfish():
    yield from me


me = selfish()
try:
    next(me)
except ValueError as e:
    print("ValueError:", e)


class Awaitable:
    def __await__(self):
        v = yield "awaitable yielded"
        return f"awaited {v}"


async def leaf():
    return await Awaitable()


async def middle():
    r = await leaf()
    return r.upper()


async def top():
    return [await middle() for _ in range(2)]


co = top()
print(co.send(None))
print(co.send("x"))
try:
    co.send("y")
except StopIteration as e:
    print("coroutine result", e.value)


async def bad():
    await leaf()
    raise RuntimeError("coroutine failed")


b = bad()
b.send(None)
try:
    b.send(1)
except RuntimeError as e:
    print("RuntimeError:", e)
co2 = middle()
co2.send(None)
co2.close()
try:
    co2.send(None)
except RuntimeError as e:
    print("RuntimeError:", e)


def deep(n):
    if n:
        return (yield from deep(n - 1))
    yield "deep"


try:
    for _ in deep(5000):
        pass
except RecursionError as e:
    print("RecursionError:", e)
print(list(deep(100)))
