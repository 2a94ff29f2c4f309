class C:
    shared = []
    def __init__(self): self.own = []
a, b = C(), C()
a.shared.append(1); a.own.append(2)
print(b.shared, b.own, C.__name__, C.__qualname__, C.__module__, "shared" in C.__dict__)
a.shared = ["rebound"]
print(a.shared, b.shared, C.shared)
C.new_attr = "added"
print(a.new_attr, type(C.__dict__).__name__)
try:
    C.__dict__["x"] = 1
except TypeError as e:
    print(e)
print(sorted(a.__dict__), a.__class__ is C, C.__class__ is type)
