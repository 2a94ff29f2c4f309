class A:
    def __lt__(self, o): print("A.__lt__"); return NotImplemented
class B:
    def __gt__(self, o): print("B.__gt__"); return True
print(A() < B())
try:
    A() < A()
except TypeError as e:
    print(e)
try:
    object() >= object()
except TypeError as e:
    print(e)
print([1, 2] < [1, 2, 0], (1, "a") < (1, "b"), "abc" > "abd")
try:
    [1, "a"] < [1, 2]
except TypeError as e:
    print(e)
