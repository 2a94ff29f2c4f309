def gen():
    yield 1
    return "result"
g = gen()
next(g)
try:
    next(g)
except StopIteration as e:
    print("value:", e.value, e.args)
try:
    next(g)
except StopIteration as e:
    print("again:", e.value)
def sub():
    r = yield from gen()
    print("sub got", r)
list(sub())
