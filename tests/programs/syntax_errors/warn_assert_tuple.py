# `assert (test, msg)` is always true: a compile-time SyntaxWarning.
x = 0
assert (x, "msg")
assert (x,)
assert (x, "msg"), "other"
assert (1, 2)
def f():
    assert (
        x, "multi-line")
f()
try:
    assert ()
except AssertionError:
    print("empty tuple is false")
print("done")
