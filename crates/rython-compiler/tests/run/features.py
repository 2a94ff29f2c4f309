def fib(n):
    return n if n < 2 else fib(n-1) + fib(n-2)
print(fib(15))
class A:
    def __init__(self, x): self.x = x
    def __repr__(self): return f"A({self.x!r})"
class B(A):
    def __init__(self, x, y):
        super().__init__(x)
        self.y = y
print(B(1, 2), [A(i) for i in range(3)])
def gen(n):
    for i in range(n):
        yield i * i
    return "done"
def deleg():
    r = yield from gen(3)
    print("ret", r)
print(list(deleg()))
try:
    1 / 0
except ZeroDivisionError as e:
    print("caught", e)
finally:
    print("finally")
d = {k: v for k, v in zip("abc", range(3))}
print(d, {x % 3 for x in range(10)}, sorted(d))
def closure():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    return inc
c = closure(); c(); print(c())
match {"a": [1, 2, 3]}:
    case {"a": [1, *rest]}:
        print("rest", rest)
import asyncio
async def co(x):
    await asyncio.sleep(0)
    return x * 2
async def main():
    r = [await co(i) for i in range(3)]
    async def agen():
        for i in range(3):
            yield i
    s = [i async for i in agen()]
    print(r, s)
asyncio.run(main())
with open("/dev/null") as f:
    print("with ok", f.closed)
print("%s and %r" % ("x", "y"), f"{3.14159:.2f}")
a, *b, c = range(5); print(a, b, c)
def kw(a, b=2, *args, c, d=4, **kw): return (a, b, args, c, d, kw)
print(kw(1, c=3), kw(1, 2, 3, c=5, z=6))
try:
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError as e:
        print("value", e.exceptions)
except* TypeError as e:
    print("type", e.exceptions)
x = 0
while x < 10:
    x += 1
    if x == 3: continue
    if x == 7: break
else:
    print("no")
print("x", x)
assert x == 7
del x
print(callable(lambda: 1), (lambda *a, **k: (a, k))(1, k=2))
type Alias[T] = list[T]
print(Alias.__value__)
def g[T](x: T) -> T: return x
print(g(5), g.__type_params__)
