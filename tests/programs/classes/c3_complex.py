O = object
class F(O): pass
class E(O): pass
class D(O): pass
class C(D, F): pass
class B(D, E): pass
class A(B, C): pass
print([k.__name__ for k in A.__mro__])
class K1: pass
class K2: pass
class K3: pass
class K4(K1, K2): pass
class K5(K2, K3): pass
class K6(K4, K5): pass
print([k.__name__ for k in K6.__mro__])
try:
    class Dup(K1, K1): pass
except TypeError as e:
    print(e)
try:
    class FromInt(int, str): pass
except TypeError as e:
    print(e)
