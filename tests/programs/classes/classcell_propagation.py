class Meta(type):
    def __new__(m, name, bases, ns):
        ns.pop('__classcell__', None)
        return super().__new__(m, name, bases, ns)
try:
    class Y(metaclass=Meta):
        def f(self): return __class__
except RuntimeError as e: print(e)
class Z:
    def f(self): return __class__
print(Z().f())
class M2(type): pass
class W(metaclass=M2):
    def g(self): return __class__
print(W().g())
