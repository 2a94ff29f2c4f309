import sys
class A:
    def f(self): return "A"
class B(A):
    def f(self):
        x = 1
        return super().f() + str(sorted(locals()))
print(B().f())
T = type("T", (), {})
print(T.__module__, type(3), type(T))
def g():
    y = 2
    return vars(), dir(), sys._getframe().f_code.co_name, sys._getframe(1).f_code.co_name, eval("y")
print(g())
