class A: pass
class B(A): pass
print(isinstance(B(), A), isinstance(A(), B), isinstance(1, (str, int)), isinstance(1, int | str))
print(issubclass(B, A), issubclass(A, (B, object)), issubclass(bool, int), issubclass(int, int | None))
class Meta(type):
    def __instancecheck__(cls, obj): return obj == 42
    def __subclasscheck__(cls, sub): return sub is int
class Magic(metaclass=Meta): pass
print(isinstance(42, Magic), isinstance(1, Magic), issubclass(int, Magic), issubclass(str, Magic))
for expr in ["isinstance(1, 1)", "issubclass(1, int)", "issubclass(int, 1)"]:
    try:
        eval(expr)
    except TypeError as e:
        print(e)
