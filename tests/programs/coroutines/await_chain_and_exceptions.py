class Suspend:
    def __await__(self):
        value = yield "suspended"
        return value
async def leaf(n):
    got = await Suspend()
    if got == "fail":
        raise ValueError(f"leaf {n} failed")
    return got * n
async def middle():
    a = await leaf(2)
    try:
        await leaf(3)
    except ValueError as e:
        return a, str(e)
c = middle()
print(c.send(None), c.send(5), end=" | ")
try:
    c.send("fail")
except StopIteration as e:
    print(e.value)
c2 = middle()
c2.send(None)
try:
    c2.throw(KeyError("injected"))
except KeyError as e:
    print("injected propagated", e)
print(c2.cr_frame)
