import gc
class Holder:
    def __del__(self): print("holder del")
def gen(h):
    try:
        yield 1
        yield 2
    finally:
        print("gen finally")
h = Holder()
g = gen(h)
next(g)
h.g = g          # holder -> generator -> frame -> holder
del h, g
print("collected", gc.collect())

# A cycle through an exception, its traceback and a frame's locals.
class Marker:
    def __del__(self): print("marker del")
def fail():
    m = Marker()
    try:
        raise ValueError("x")
    except ValueError as e:
        m.err = e
        return e
err = fail()
print(type(err.__traceback__).__name__)
del err
print("collected", gc.collect() >= 0)

# Many small cycles are collected automatically.
class Node:
    def __init__(self):
        self.me = self
        self.data = [self]
before = len(gc.get_objects())
for i in range(50000):
    Node()
print("bounded", len(gc.get_objects()) - before < 20000)
print(gc.get_stats()[0]["collections"] > 0)
