def f():
    try:
        raise ValueError("first")
    except ValueError:
        try:
            raise TypeError("second")
        except TypeError as e:
            return repr(e.__context__)
print(f())
import sys
try:
    raise KeyError("x")
except KeyError:
    print(sys.exc_info()[0].__name__, repr(sys.exception()))
print(sys.exc_info(), sys.exception())
def gen():
    try:
        yield 1
    finally:
        print("gen cleanup")
for v in gen():
    break
print("after break")
