x = 1
def f():
    print(x)
    x = 2
try:
    f()
except UnboundLocalError as e:
    print(type(e).__name__, e)
def g():
    del y
    y = 1
try:
    g()
except UnboundLocalError as e:
    print(e)
def h():
    def inner():
        return z
    try:
        inner()
    except NameError as e:
        print(type(e).__name__, e)
    z = 3
h()
print(issubclass(UnboundLocalError, NameError))
