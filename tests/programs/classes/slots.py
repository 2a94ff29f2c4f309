class S:
    __slots__ = ("a", "b")
    def __init__(self): self.a = 1
s = S()
print(s.a, hasattr(s, "__dict__"), S.__slots__, type(S.a).__name__)
try:
    s.c = 3
except AttributeError as e:
    print(e)
try:
    s.b
except AttributeError as e:
    print(e)
class T(S):
    pass
t = T(); t.c = 3
print(t.c, hasattr(t, "__dict__"))
class U(S):
    __slots__ = ("c",)
u = U(); u.c = 1
print(u.c, hasattr(u, "__dict__"))
try:
    class Conflict:
        __slots__ = ("x",)
        x = 1
except ValueError as e:
    print(e)
