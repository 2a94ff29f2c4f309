X = __build_class__(lambda: None, "X")
print(X, X.__module__)
Y = type('Y', (), {})
print(Y, Y.__module__)
import sys
def f(): return 1/0
def g(): return f()
sys.tracebacklimit = 1
try:
    g()
except ZeroDivisionError:
    import traceback; traceback.print_exc()
sys.tracebacklimit = 5
def h():
    try:
        g()
    except Exception as e:
        raise KeyError("k") from e
for lim in (None, 1, -1, 0):
    try:
        h()
    except KeyError:
        print(traceback.format_exc(limit=lim))
        print(traceback.format_exc(limit=lim, chain=False))
