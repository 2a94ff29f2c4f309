import collections
class Sleep:
    def __await__(self):
        yield "sleep"
async def task(name, n):
    for i in range(n):
        print(name, i)
        await Sleep()
    return name.upper()
ready = collections.deque([task("a", 2), task("b", 3), task("c", 1)])
results = []
while ready:
    t = ready.popleft()
    try:
        t.send(None)
        ready.append(t)
    except StopIteration as e:
        results.append(e.value)
print(results)
