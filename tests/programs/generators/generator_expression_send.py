g = (x * 2 for x in range(3))
print(g.send(None), next(g))
try:
    g.send(5)
except Exception as e:
    print(type(e).__name__)
print(list(g))
def echo():
    received = []
    while len(received) < 3:
        received.append((yield len(received)))
    return received
e = echo()
print(next(e), e.send("a"), e.send("b"))
try:
    e.send("c")
except StopIteration as s:
    print(s.value)
