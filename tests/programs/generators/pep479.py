def bad():
    yield 1
    raise StopIteration("leak")
try:
    list(bad())
except RuntimeError as e:
    print(type(e).__name__, e, "| cause:", repr(e.__cause__))
def via_next():
    it = iter([])
    yield next(it)
try:
    next(via_next())
except RuntimeError as e:
    print(e)
def ok():
    return "fine"
    yield
print(list(ok()))
