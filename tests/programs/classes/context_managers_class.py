class Ctx:
    def __init__(self, name, suppress=False): self.name, self.suppress = name, suppress
    def __enter__(self): print("enter", self.name); return self
    def __exit__(self, et, ev, tb):
        print("exit", self.name, et.__name__ if et else None, ev)
        return self.suppress
with Ctx("a") as c:
    print("inside", c.name)
with Ctx("s", suppress=True):
    raise ValueError("swallowed")
print("after suppress")
try:
    with Ctx("n"):
        raise KeyError("k")
except KeyError as e:
    print("propagated", e)
import contextlib
@contextlib.contextmanager
def cm(tag):
    print("setup", tag)
    try:
        yield tag.upper()
    finally:
        print("teardown", tag)
with cm("x") as v:
    print(v)
with contextlib.suppress(ZeroDivisionError):
    1 / 0
print("done")
class NoEnter: pass
try:
    with NoEnter():
        pass
except TypeError as e:
    print(e)
