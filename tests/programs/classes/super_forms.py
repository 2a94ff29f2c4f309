class Base:
    def __init__(self, v):
        self.v = v
    def describe(self): return f"Base({self.v})"
    @classmethod
    def make(cls): return cls.__name__
class Child(Base):
    def __init__(self, v, w):
        super().__init__(v)
        self.w = w
    def describe(self): return "Child+" + super().describe()
    @classmethod
    def make(cls): return "child:" + super().make()
c = Child(1, 2)
print(c.v, c.w, c.describe(), Child.make(), super(Child, c).describe())
print(super(Child, Child).make())
s = super(Child, c)
print(type(s).__name__, s.__thisclass__.__name__)
def outside(self):
    return super().describe()
try:
    outside(c)
except RuntimeError as e:
    print(e)
try:
    super(Child, 5)
except TypeError as e:
    print(e)
