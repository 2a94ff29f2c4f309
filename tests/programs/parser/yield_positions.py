def g():
    x = yield
    y = yield x
    z = [(yield), (yield)]
    w = yield from ()
    yield (yield y)
    return z, w
gen = g()
print(next(gen), gen.send(1), gen.send(2), gen.send("a"), gen.send("b"), gen.send(3))
try:
    gen.send(4)
except StopIteration as e:
    print(e.value)
def h():
    print((yield 1) + (yield 2))
hg = h(); next(hg); hg.send(10)
try:
    hg.send(20)
except StopIteration:
    print("h done")
