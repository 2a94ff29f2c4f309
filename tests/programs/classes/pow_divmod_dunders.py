class N:
    def __init__(self, v): self.v = v
    def __pow__(self, e, mod=None): return f"pow({self.v}, {e}, {mod})"
    def __rpow__(self, b): return f"rpow({b}, {self.v})"
    def __divmod__(self, o): return ("div", "mod")
    def __rdivmod__(self, o): return ("rdiv", o)
    def __invert__(self): return "inverted"
    def __pos__(self): return "positive"
    def __floordiv__(self, o): return "floordiv"
    def __rtruediv__(self, o): return "rtruediv"
    def __lshift__(self, o): return "lshift"
    def __rand__(self, o): return "rand"
n = N(2)
print(n ** 3, pow(n, 3, 5), 2 ** n, divmod(n, 1), divmod(1, n), ~n, +n, n // 1, 1 / n, n << 1, 1 & n)
