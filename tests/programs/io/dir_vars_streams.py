class A:
    x = 1
    def m(self): pass
class B(A):
    __slots__ = ()
a = A(); a.y = 2
print(dir(A))
print(dir(a))
print(vars(a), sorted(vars(A)))
print(dir(B()) == dir(A) )
import sys
print([n for n in dir(sys) if n.startswith("__")])
try: vars(1)
except TypeError as e: print(e)
print(dir(1)[:5], len(dir(int)))
def f(): pass
print("__call__" in dir(f), sorted(vars(f)))
import io
print(sorted(n for n in dir(io.StringIO()) if not n.startswith("_")))
print(sorted(n for n in dir(sys.stdout) if not n.startswith("_")))
