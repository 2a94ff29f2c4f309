class C:
    def m(self, x): return x
    @staticmethod
    def s(): return "s"
    @classmethod
    def c(cls, y): return y
obj = C()
for call in [lambda: obj.m(), lambda: C.m(1), lambda: obj.s(1), lambda: C.c(), lambda: obj.c(1, 2), lambda: C.m(), lambda: obj.nope()]:
    try:
        call()
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)
