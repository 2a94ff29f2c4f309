async def agen(n):
    for i in range(n):
        yield i * 10
    print("agen finished")
def run(coro):
    try:
        coro.send(None)
    except StopIteration as e:
        return e.value
    raise RuntimeError("coroutine suspended")
async def collect():
    out = []
    async for v in agen(3):
        out.append(v)
    return out
print(run(collect()))
ag = agen(2)
print(type(ag).__name__, run(ag.__anext__()), run(ag.__anext__()))
try:
    run(ag.__anext__())
except StopAsyncIteration:
    print("StopAsyncIteration")
async def comp():
    return [v async for v in agen(2)]
print(run(comp()))
