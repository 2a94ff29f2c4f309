import sys
try:
    raise ExceptionGroup("g", [ValueError(1), TypeError(2), KeyError(3)])
except* ValueError as e:
    print("V", repr(e), repr(sys.exception()))
except* (TypeError, KeyError) as e:
    print("TK", repr(e), repr(sys.exception()))
print("after", sys.exception())
def f():
    try:
        raise ExceptionGroup("g", [ValueError(1), TypeError(2)])
    except* ValueError:
        raise
    except* TypeError as e:
        pass
try:
    f()
except ExceptionGroup as e:
    print("reraised", repr(e))
def g():
    try:
        raise ExceptionGroup("g", [ValueError(1), TypeError(2)])
    except* ValueError as e:
        raise e.exceptions[0]
    except* TypeError as e:
        raise RuntimeError("new")
try:
    g()
except ExceptionGroup as e:
    print("mixed", repr(e), repr(e.exceptions[0].__context__))
try:
    raise TypeError("plain")
except* TypeError as e:
    print("plain", repr(e), e.exceptions[0] is not None)
try:
    try:
        raise ValueError("v")
    except* TypeError:
        print("no")
except ValueError as e:
    print("passthrough", repr(e))
g2 = ExceptionGroup("top", [ValueError(1)])
try:
    raise g2
except* ValueError as e:
    print(e is g2)
