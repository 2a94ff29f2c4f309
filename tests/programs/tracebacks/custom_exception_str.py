class BadThing(Exception):
    def __str__(self):
        return "custom message"
class Empty(Exception):
    pass
def f():
    raise BadThing()
try:
    raise Empty()
except Empty:
    f()
