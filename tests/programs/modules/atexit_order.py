# atexit: last registered runs first, arguments are passed, unregister and
# errors in callbacks behave as in CPython (reported, the rest still run).
import atexit


class Failing:
    def __init__(self, exc):
        self.exc = exc

    def __repr__(self):
        return "<Failing callback>"

    def __call__(self):
        print("failing callback runs")
        raise self.exc


def show(*args, **kwargs):
    print("show", args, kwargs)


atexit.register(Failing(ValueError("boom")))
print(atexit.register(show, 1, x=2) is show)
atexit.register(print, "removed by unregister")
atexit.unregister(print)
print("callbacks:", atexit._ncallbacks())
atexit.register(Failing(SystemExit(3)))


def register_more():
    print("register_more runs")
    atexit.register(print, "registered during shutdown: never runs")


atexit.register(register_more)
for bad in [(), (1,)]:
    try:
        atexit.register(*bad)
    except TypeError as e:
        print("TypeError:", e)
try:
    atexit.unregister()
except TypeError as e:
    print("TypeError:", e)
print("main done")
