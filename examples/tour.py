"""A short tour of what rython runs: classes, closures, generators,
exceptions, f-strings and big integers."""


class Shape:
    def __init__(self, name):
        self.name = name

    def area(self):
        raise NotImplementedError

    def __repr__(self):
        return f"{type(self).__name__}({self.name!r}, area={self.area():.2f})"


class Square(Shape):
    def __init__(self, side):
        super().__init__("square")
        self.side = side

    def area(self):
        return self.side ** 2


class Circle(Shape):
    def __init__(self, r):
        super().__init__("circle")
        self.r = r

    def area(self):
        return 3.141592653589793 * self.r * self.r


def counter(start):
    count = start

    def step():
        nonlocal count
        count += 1
        return count

    return step


def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b


shapes = [Square(3), Circle(1.5)]
print(shapes)
print(sorted(shapes, key=lambda s: s.area()))

tick = counter(10)
print([tick() for _ in range(3)])

gen = fib()
print([next(gen) for _ in range(15)])
print(2 ** 100, len(str(3 ** 1000)))

try:
    {}["missing"]
except KeyError as e:
    print("caught", repr(e))

print({word: len(word) for word in "the quick brown fox".split()})
