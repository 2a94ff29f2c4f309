import sys
def at_depth(n, fn):
    if n == 0:
        return fn()
    return at_depth(n - 1, fn)
def lower():
    try:
        sys.setrecursionlimit(10)
    except RecursionError as e:
        print(type(e).__name__, e)
at_depth(30, lower)
print(sys.getrecursionlimit())
