# print() writes the pieces before one whose str() fails; keyword errors.
import sys
class Obj:
    def __str__(self):
        raise ValueError("no str")
try:
    print("first", Obj(), "third")
except ValueError as e:
    print("|", e)
try:
    print(Obj())
except ValueError as e:
    print("|", e)
try:
    print("a", "b", Obj(), sep="--", end="!\n")
except ValueError as e:
    print("|", e)
for kw in [dict(foo=3), dict(sep=1), dict(end=2), dict(file=1), dict(sep="", foo=1), dict(flush=1, bar=2)]:
    try:
        print(1, **kw)
    except Exception as e:
        print(type(e).__name__, e)
print("x", flush=[])
class NoWrite: pass
try:
    print(Obj(), file=NoWrite())
except Exception as e:
    print(type(e).__name__, e)
