class C:
    count = 0
    def __init__(self): C.count += 1
    @classmethod
    def create(cls): return cls()
    @staticmethod
    def helper(x): return x * 2
    @classmethod
    def how_many(cls): return cls.count
class D(C): pass
d = D.create()
print(type(d).__name__, C.how_many(), D.helper(4), d.helper(5), C.create().how_many())
print(type(C.__dict__["helper"]).__name__, type(C.__dict__["create"]).__name__)
print(C.__dict__["helper"].__func__(3), isinstance(C.create, type(C().__init__)))
