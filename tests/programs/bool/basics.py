print(True + True, True * 5, -True, ~True, True / 2, True & False, True | False, True ^ True)
print(bool(0), bool(""), bool([]), bool({}), bool(None), bool(0.0), bool("0"), bool([0]))
print(int(True), str(False), repr(True), type(True).__name__, isinstance(True, int), True is True)
print(True == 1, False == 0, hash(True), sum([True, True, False]))
print(bool.__bases__, bool.__mro__)
try:
    class B(bool): pass
except TypeError as e:
    print(e)
print(not True, True and "x", False or "y")
print(format(True, "d"), f"{True}", f"{True:>6}")
