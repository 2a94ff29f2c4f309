class A:
    """doc"""
    x = 1
    def m(self): return self.x
class B(A, metaclass=type):
    x = 2
class C(B):
    pass
print(A.__doc__, C().m(), C.__mro__[1].__name__, C.__bases__)
def make():
    class Local:
        pass
    return Local
print(make().__qualname__)
class Outer:
    class Inner:
        class Deep: pass
print(Outer.Inner.Deep.__qualname__, Outer.Inner.__name__)
print(type("Dyn", (A,), {"y": 3})().m())
