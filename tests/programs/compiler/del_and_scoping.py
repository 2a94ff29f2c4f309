x = 1
def f():
    global x
    del x
f()
print("x" in globals())
def g():
    y = 1
    del y
    try:
        return y
    except UnboundLocalError as e:
        return str(e)
print(g())
def h():
    z = 1
    def inner():
        return z
    del z
    try:
        inner()
    except NameError as e:
        return str(e)
print(h())
try:
    del undefined_global
except NameError as e:
    print(e)
