# Argument errors of sys functions carry CPython's texts (sys. prefix for the
# no-argument/one-argument forms, OverflowError for C int arguments).
import sys
tests = [
    lambda: sys.exit(1, 2),
    lambda: sys.exit(x=1),
    lambda: sys.getrecursionlimit(1),
    lambda: sys.setrecursionlimit(),
    lambda: sys.setrecursionlimit(1, 2),
    lambda: sys.setrecursionlimit("a"),
    lambda: sys.setrecursionlimit(1.5),
    lambda: sys.setrecursionlimit(2**40),
    lambda: sys.setrecursionlimit(2**100),
    lambda: sys.setrecursionlimit(-2**40),
    lambda: sys.setrecursionlimit(0),
    lambda: sys.setrecursionlimit(n=5),
    lambda: sys.getrefcount(),
    lambda: sys.getrefcount(1, 2),
    lambda: sys.intern(),
    lambda: sys.intern(1),
    lambda: sys.intern("a", "b"),
    lambda: sys.exc_info(1),
    lambda: sys.exception(1),
    lambda: sys._getframe(1, 2),
    lambda: sys._getframe("a"),
    lambda: sys._getframe(100),
    lambda: sys._getframe(2**70),
    lambda: sys.get_int_max_str_digits(1),
    lambda: sys.set_int_max_str_digits(),
    lambda: sys.set_int_max_str_digits(5),
    lambda: sys.set_int_max_str_digits(-1),
    lambda: sys.set_int_max_str_digits("x"),
    lambda: sys.set_int_max_str_digits(2**70),
    lambda: sys.set_int_max_str_digits(maxdigits=1, y=2),
    lambda: sys.excepthook(1),
    lambda: sys.excepthook(1, 2, 3, 4),
    lambda: sys.displayhook(),
    lambda: sys.displayhook(1, 2),
    lambda: sys.exc_info(x=1),
    lambda: sys.getrefcount(x=1),
]
for t in tests:
    try:
        t()
        print("ok")
    except Exception as e:
        print(type(e).__name__, e)
