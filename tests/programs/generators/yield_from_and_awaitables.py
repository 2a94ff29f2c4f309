class It:
    def __iter__(self): return self
    def __next__(self): raise StopIteration("done")
def g():
    r = yield from It(); print("r =", r)
list(g())
class It2:
    def __init__(self): self.n = 0
    def __iter__(self): return self
    def __next__(self):
        self.n += 1
        if self.n > 2: raise StopIteration(self.n)
        return self.n
def g2():
    r = yield from It2(); print("r2 =", r)
print(list(g2()))
import types
@types.coroutine
def gc(): return (yield "x")
async def main(): return await gc()
c = main()
print(c.send(None))
try:
    c.send(5)
except StopIteration as e:
    print("ret", e.value)
class Sus:
    def __await__(self): return (yield "s")
async def agen():
    await Sus(); yield 1
ag = agen(); print(ag.__anext__().send(None))
try:
    ag.__anext__().send(None)
except RuntimeError as e:
    print(e)
try:
    ag.aclose().send(None)
except RuntimeError as e:
    print(e)
