# Three-argument pow(): the operands' slots, then the modulus's; errors
# worded as CPython 3.13 words them.
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


cases = [(2, 3, 5), (2, 3, 4.0), (2.0, 3, 4), (2, 3.0, 4), (1j, 2, 3), (2, 1j, 3),
         (2, 3, 1j), (2, 3, 'a'), ('a', 2, 3), (2, 'a', 3), (True, 3, 5), (2, -1, 5),
         (2, 3, 0), (2, 3, None), (2.5, 2, None), (None, 2, 3)]
for c in cases:
    show(lambda: pow(*c))


class M:
    def __pow__(self, other, mod=None):
        return ("M.__pow__", other, mod)

    def __rpow__(self, other, mod=None):
        return ("M.__rpow__", other, mod)


class I(int):
    def __pow__(self, other, mod=None):
        return ("I.__pow__", int(other), mod)

    def __rpow__(self, other, mod=None):
        return ("I.__rpow__", other, mod)


show(lambda: pow(M(), 2, 3))
show(lambda: pow(2, M(), 3))
show(lambda: pow(2, 3, M()))
show(lambda: pow(M(), 2))
show(lambda: pow(2, M()))
show(lambda: pow(I(2), 3, 5))
show(lambda: pow(2, I(3), 5))
show(lambda: pow(2, 3, I(5)))
show(lambda: (1j).__pow__(None, 2.5))
show(lambda: (1j).__pow__(2, 2.5))
show(lambda: (1j).__pow__(2, None))
show(lambda: (1j).__rpow__(None, 2))
show(lambda: (1.0).__pow__(None, 2.5))
show(lambda: (1.0).__pow__(2, None))
show(lambda: (2).__pow__(3, 5))
show(lambda: (2).__pow__(3, 5.0))
show(lambda: (2).__pow__(3.0, 5))
show(lambda: (2).__rpow__(3, 5))
show(lambda: (2).__pow__())
show(lambda: (2).__pow__(1, 2, 3))
