class Money:
    def __init__(self, v): self.v = v
    def __format__(self, spec):
        if spec == "usd": return f"${self.v:.2f}"
        return format(self.v, spec)
    def __repr__(self): return f"Money({self.v})"
    def __str__(self): return f"{self.v} units"
m = Money(3.5)
print(f"{m:usd}", f"{m:>8}", f"{m}", f"{m!r}", f"{m!s:>12}", "{:usd}".format(m), format(m, "usd"))
class Plain: pass
try:
    format(Plain(), "x")
except TypeError as e:
    print(e)
print(format(Plain(), "") .startswith("<__main__.Plain object"))
