class Ticket:
    def __init__(self, n): self.n = n
    def __await__(self):
        got = yield f"waiting {self.n}"
        return f"ticket {self.n} -> {got}"
async def worker():
    a = await Ticket(1)
    b = await Ticket(2)
    return [a, b]
c = worker()
print(c.send(None))
print(c.send("first"))
try:
    c.send("second")
except StopIteration as e:
    print(e.value)
class BadAwait:
    def __await__(self): return 5
async def uses_bad():
    await BadAwait()
try:
    uses_bad().send(None)
except TypeError as e:
    print(e)
async def await_int():
    await 5
try:
    await_int().send(None)
except TypeError as e:
    print(e)
