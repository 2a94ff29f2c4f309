def register(registry):
    def deco(cls):
        registry[cls.__name__] = cls
        return cls
    return deco
reg = {}
@register(reg)
class A:
    def f(self): return "A.f"
@register(reg)
class B(A): pass
print(sorted(reg), reg["B"]().f())
def counter_class():
    count = 0
    class Counter:
        def inc(self):
            nonlocal count
            count += 1
            return count
    return Counter
C = counter_class()
c1, c2 = C(), C()
print(c1.inc(), c2.inc(), c1.inc())
