def deco(f):
    def w(*a):
        return "deco(" + str(f(*a)) + ")"
    return w
def param(tag):
    def d(f):
        f.tag = tag
        return f
    return d
@deco
def one(): return 1
@param("x")
@param("y")
def two(): return 2
print(one(), two(), two.tag)
funcs = {"d": deco}
@funcs["d"]
def three(): return 3
print(three())
@(lambda f: lambda: f() * 10)
def four(): return 4
print(four())
@param(tag="cls")
class K: pass
print(K.tag)
class P:
    @property
    def v(self): return 5
    @staticmethod
    def s(): return "s"
print(P().v, P.s())
