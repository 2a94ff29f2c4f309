class A:
    def who(self): return "A"
class B(A):
    def who(self): return "B>" + super().who()
    def cls(self): return __class__.__name__
print(B().who(), B().cls())
print('__class__' in B.who.__code__.co_freevars)
class C(B):
    def who(self):
        f = lambda: super(C, self).who()
        return "C>" + f()
print(C().who())
