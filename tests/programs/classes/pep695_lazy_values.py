type A = Undefined
def f[T: AlsoUndefined](): pass
print(A.__name__, f.__type_params__)
try:
    A.__value__
except NameError as e:
    print("NameError", e)
class D[T = int, U: (str, bytes) = str]: pass
t, u = D.__type_params__
print(t.__default__, u.__constraints__, u.__default__, t.__bound__, t.has_default())
type B[X] = list[X]
print(B.__value__, B.__type_params__, B[int])
from typing import TypeVar
V = TypeVar("V", bound=int)
print(V.__bound__, V.__constraints__, V.__default__)
