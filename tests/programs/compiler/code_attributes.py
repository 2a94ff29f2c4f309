def f(a, b, /, c, d=1, *args, e, f=2, **kw):
    local1 = a + b
    local2 = local1
    return local2
co = f.__code__
print(co.co_argcount, co.co_posonlyargcount, co.co_kwonlyargcount, co.co_nlocals)
print(co.co_varnames)
print(co.co_name, co.co_qualname, type(co.co_code) is bytes, co.co_firstlineno)
print(co.co_flags & 0x04 != 0, co.co_flags & 0x08 != 0, co.co_flags & 0x01 != 0)
print(co.co_filename.endswith("code_attributes.py"))
class C:
    def meth(self):
        def inner(): pass
        return inner
print(C.meth.__code__.co_qualname, C().meth().__code__.co_qualname)
def g(): return 1
print(g.__code__.co_argcount, g.__code__.co_varnames, g.__code__.co_nlocals)
def gen(): yield
print(gen.__code__.co_flags & 0x20 != 0)
print(type(co).__name__)
