T = type("T", (), {"x": 1, "f": lambda self: self.x * 2})
t = T()
print(T.__name__, t.x, t.f(), T.__bases__, type(t) is T)
U = type("U", (T,), {})
print(U.__mro__[1] is T, U().f())
try:
    type("V", (1,), {})
except TypeError as e:
    print(e)
try:
    type("a", "b")
except TypeError as e:
    print(e)
