import functools
from typing import Generic

@functools.total_ordering
class Point(Generic[T], metaclass=Meta):
    """A point."""
    x: int = 0
    __slots__ = ('x', 'y')

    def __init__(self, x, y):
        self.x = x
        self.y = y
        self.__secret = 1

    @property
    def norm(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5

    def __eq__(self, other):
        return super().__eq__(other) and __class__ is Point

def outer():
    a = 1
    def mid():
        nonlocal a
        a += 1
        def inner():
            return a
        return inner
    return mid

def comps(xs, ys):
    a = [x for x in xs]
    b = {x: y for x, y in zip(xs, ys)}
    c = {x for x in xs if x}
    d = [lambda: x for x in xs]
    return a, b, c, d

type Alias[K] = dict[K, int]

def generic[T: int, *Ts, **P](x: T) -> T:
    return x

class G[T]:
    def m(self) -> T: ...
