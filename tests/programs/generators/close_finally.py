def g():
    try:
        yield 1
        yield 2
    finally:
        print("finally runs")
x = g()
print(next(x))
x.close()
print("closed", x.gi_running, x.gi_frame)
x.close()
def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield "won't stop"
s = stubborn(); next(s)
try:
    s.close()
except RuntimeError as e:
    print(e)
def dropped():
    try:
        yield 1
    finally:
        print("dropped cleanup")
d = dropped(); next(d)
del d
print("after del")
