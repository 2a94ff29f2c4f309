async def agen():
    yield 1
async def co():
    async with ctx() as v:
        pass
    async for x in agen():
        pass
    await something()
    return [x async for x in agen()]
class ctx:
    async def __aenter__(self): return 1
    async def __aexit__(self, *a): return False
async def something(): return 2
print(type(co).__name__, co.__code__.co_flags & 0x80 != 0, agen.__code__.co_flags & 0x200 != 0)
c = co()
try:
    c.send(None)
except StopIteration as e:
    print("result", e.value)
