async def f():
    return 1
c = f()
try:
    c.send(None)
except StopIteration:
    pass
try:
    c.send(None)
except RuntimeError as e:
    print(e)
async def g():
    return 2
c2 = g()
try:
    c2.send("x")
except TypeError as e:
    print(e)
c2.close()
print(f.__code__.co_flags & 0x80 != 0, type(f).__name__)
