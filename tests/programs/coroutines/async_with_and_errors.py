class ACM:
    async def __aenter__(self):
        print("aenter"); return "resource"
    async def __aexit__(self, et, ev, tb):
        print("aexit", et.__name__ if et else None); return True
def run(coro):
    try:
        coro.send(None)
    except StopIteration as e:
        return e.value
async def main():
    async with ACM() as r:
        print("using", r)
        raise ValueError("suppressed")
    return "ok"
print(run(main()))
async def thrower():
    raise KeyError("in coroutine")
try:
    run(thrower())
except KeyError as e:
    print("caught", e)
c = thrower()
try:
    c.throw(ValueError("thrown"))
except ValueError as e:
    print("throw", e)
async def never_awaited(): pass
import types
print(isinstance(never_awaited(), types.CoroutineType) if False else "skip-warning")
