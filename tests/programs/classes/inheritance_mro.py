class A:
    def who(self): return "A"
class B(A):
    def who(self): return "B" + super().who()
class C(A):
    def who(self): return "C" + super().who()
class D(B, C):
    def who(self): return "D" + super().who()
print(D().who(), [k.__name__ for k in D.__mro__], D.mro() == list(D.__mro__))
class X: pass
class Y: pass
class Z(X, Y): pass
class W(Y, X): pass
try:
    class Bad(Z, W): pass
except TypeError as e:
    print(e)
try:
    class Bad2(A, B): pass
except TypeError as e:
    print(e)
class O1: pass
class O2(O1): pass
class O3(O1): pass
class O4(O2, O3): pass
print([k.__name__ for k in O4.__mro__])
