class C: pass
r = repr(C())
print(r.startswith("<__main__.C object at 0x"), r.endswith(">"))
print(str(C) , repr(C), C.__name__)
class D:
    def __str__(self): return "D-str"
print(str(D()), repr(D()).startswith("<__main__.D object"))
class Nested:
    class Inner: pass
print(repr(Nested.Inner))
import types
print(repr(types.SimpleNamespace(a=1, b="x")))
