class Suppress:
    def __init__(self, *types): self.types = types
    def __enter__(self): return self
    def __exit__(self, et, ev, tb):
        if et is not None:
            print("exit saw", et.__name__, ev)
        return et is not None and issubclass(et, self.types)
with Suppress(ZeroDivisionError):
    1 / 0
print("continued")
try:
    with Suppress(KeyError):
        [][1]
except IndexError as e:
    print("escaped", e)
def f():
    with Suppress(ValueError):
        return "returned"
print(f())
for i in range(3):
    with Suppress(Exception):
        if i == 1:
            continue
        print("loop", i)
class Raising:
    def __enter__(self): return self
    def __exit__(self, *a): raise RuntimeError("from exit")
try:
    with Raising():
        raise ValueError("body")
except RuntimeError as e:
    print(e, repr(e.__context__))
