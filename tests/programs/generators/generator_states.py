import inspect
def g():
    yield 1
x = g()
print(inspect.getgeneratorstate(x))
next(x)
print(inspect.getgeneratorstate(x))
list(x)
print(inspect.getgeneratorstate(x))
def self_ref():
    yield next(me)
me = self_ref()
try:
    next(me)
except ValueError as e:
    print(e)
