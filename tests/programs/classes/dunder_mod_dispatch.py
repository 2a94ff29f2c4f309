print("%s-%d" % ("a", 1), 7 % 3, -7 % 3, 7.5 % 2)
class M:
    def __mod__(self, o): return f"M.__mod__({o!r})"
    def __rmod__(self, o): return f"M.__rmod__({o!r})"
    def __repr__(self): return "M()"
print(M() % 5, 5 % M(), M() % M(), "%s" % M(), "%r" % (M(),))
try:
    "fmt" % M()
except TypeError as e:
    print(e)
class S(str):
    def __rmod__(self, o): return "S.__rmod__"
print("x%s" % S("y"))
class NI:
    def __mod__(self, o): return NotImplemented
    def __rmod__(self, o): return NotImplemented
try:
    NI() % NI()
except TypeError as e:
    print(e)
try:
    5 % NI()
except TypeError as e:
    print(e)
try:
    "a" % NI()
except TypeError as e:
    print(e)
