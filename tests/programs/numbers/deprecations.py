# DeprecationWarnings issued by native operations (CPython 3.13 wording),
# reported at the line of the Python code running the operation.
import warnings


def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


# NotImplemented in a boolean context: True, with a warning (3.13).
show(lambda: bool(NotImplemented))
show(lambda: not NotImplemented)
if NotImplemented:
    print("NotImplemented is true")
x = NotImplemented
print("and:", x and 1, "or:", x or 2)
while x:
    print("in while")
    break
print([y for y in [NotImplemented] if y])

# ~ on a bool; a literal ~True is folded by the compiler without a warning.
t = True
f = False
print(~t, ~f, ~True, ~False)
print(t.__invert__())

# A warning is shown once per line: the loop prints it once.
for i in range(3):
    print(~t)


def inner(v):
    return ~v


def outer():
    return inner(True) + inner(False)


print(outer())


# int() delegating to __trunc__.
class T:
    def __trunc__(self):
        return 3


print(int(T()))


# __int__ / __index__ returning a bool.
class B:
    def __int__(self):
        return True


class BI:
    def __index__(self):
        return True


print(int(B()), [10, 20][BI()], list(range(BI())))
print(repr(int(B())), type(int(B())).__name__)

# Filters: errors and records.
with warnings.catch_warnings():
    warnings.simplefilter("error")
    show(lambda: bool(NotImplemented))
    show(lambda: ~t)
    show(lambda: int(T()))
    show(lambda: int(B()))
    show(lambda: [1, 2][BI()])
with warnings.catch_warnings(record=True) as log:
    warnings.simplefilter("always")
    bool(NotImplemented)
    ~t
    ~t
for w in log:
    print(w.category.__name__, w.lineno, str(w.message)[:40])
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    print(~t, bool(NotImplemented))

# Code run by exec() in __main__'s globals warns at the exec'd line.
exec("a = 1\nb = ~t\n")
print(b)
# In a module that is not __main__, DeprecationWarnings are ignored.
g = {"__name__": "other"}
exec("c = ~True_\n", g, {"True_": True})
print("done")

# An error filter fails the very instruction, inside try blocks.
with warnings.catch_warnings():
    warnings.simplefilter("error")
    try:
        z = ~t
    except DeprecationWarning as e:
        print("caught:", str(e)[:30])
    try:
        if NotImplemented:
            print("not reached")
    except DeprecationWarning:
        print("caught in if")
    try:
        for q in map(bool, [NotImplemented]):
            print("not reached", q)
    except DeprecationWarning:
        print("caught in for")
    try:
        print(sorted([1, 2], key=lambda v: ~t))
    except DeprecationWarning:
        print("caught in key")
    try:
        list(range(BI()))
    except DeprecationWarning:
        print("caught in range")


# Warnings from natively called code point at that code's line.
def gen():
    yield ~t
    yield int(T())


print(list(gen()))
print(list(map(lambda v: ~v, [True, False])))
print([bool(NotImplemented) for _ in range(2)])
print(sorted([3, 1], key=lambda v: v + ~True))


class W:
    def __index__(self):
        return ~t


print([0, 1, 2, 3][W()])
