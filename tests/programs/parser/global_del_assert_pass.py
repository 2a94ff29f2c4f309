x = 1
def f():
    global x
    x = 2
f(); print(x)
y = [1, 2, 3]
del y[0]
print(y)
del y
print('y' in globals())
a, b = 1, 2
del a, b
d = {"k": 1, "j": 2}
del d["k"]; print(d)
class C: pass
c = C(); c.v = 1; del c.v; print(hasattr(c, "v"))
assert True, "never"
try:
    assert 1 == 2, "message here"
except AssertionError as e:
    print("assert", e)
try:
    assert False
except AssertionError as e:
    print("bare", repr(e))
pass
