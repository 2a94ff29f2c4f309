class Pt:
    def __new__(cls, *a):
        print("new", cls.__name__, a)
        return super().__new__(cls)
    def __init__(self, x):
        print("init", x)
        self.x = x
p = Pt(1)
class Weird:
    def __new__(cls): return 42
print(Weird())
class Imm(tuple):
    def __new__(cls, a, b): return super().__new__(cls, (a, b))
print(Imm(1, 2), type(Imm(1, 2)).__name__)
class BadInit:
    def __init__(self): return 1
try:
    BadInit()
except TypeError as e:
    print(e)
try:
    object.__new__(int)
except TypeError as e:
    print(e)
