class Fake:
    __class__ = int
print(isinstance(Fake(), int), isinstance(Fake(), Fake), isinstance(Fake(), (str, int)), type(Fake()).__name__)
class P:
    @property
    def __class__(self): raise AttributeError
print(isinstance(P(), int), isinstance(P(), P))
