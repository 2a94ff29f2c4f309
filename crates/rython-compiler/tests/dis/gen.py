def counter():
    n = 0
    while True:
        n += 1
        yield n

async def agen(xs):
    async for x in xs:
        yield x * 2

def deleg(it):
    r = yield from it
    return r

g = (i * i for i in range(10) if i % 2)
