class A:
    def who(self): return "A"
class B:
    def who(self): return "B"
a = A()
a.__class__ = B
print(a.who(), type(a).__name__, isinstance(a, B))
try:
    (1).__class__ = bool
except TypeError as e:
    print(e)
print(type(a) is a.__class__, type(type), type(A).__name__)
