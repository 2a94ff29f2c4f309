x = "global"
class C:
    x = "class"
    y = x
    def m(self):
        return x
    z = [x for _ in range(1)]
    w = (lambda: x)()
print(C.y, C().m(), C.z, C.w)
class D:
    a = 1
    b = [a * i for i in range(3)] if False else None
    def get(self):
        return __class__
print(D().get().__name__)
def f():
    v = "local"
    class K:
        w = v
        def m(self): return v
    return K
K = f(); print(K.w, K().m())
class E:
    n = 5
    t = tuple(i for i in range(n))
print(E.t)
