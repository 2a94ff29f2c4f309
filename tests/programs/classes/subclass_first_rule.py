class Base:
    def __add__(self, o): return "Base.__add__"
    def __radd__(self, o): return "Base.__radd__"
    def __lt__(self, o): return "Base.__lt__"
    def __gt__(self, o): return "Base.__gt__"
class Sub(Base):
    def __radd__(self, o): return "Sub.__radd__"
    def __gt__(self, o): return "Sub.__gt__"
class Sub2(Base): pass
print(Base() + Sub(), Sub() + Base(), Base() + Sub2())
print(Base() < Sub(), Sub() < Base())
class MyInt(int):
    def __radd__(self, o): return "MyInt.__radd__"
    def __eq__(self, o): return "MyInt.__eq__"
print(1 + MyInt(2), 1 == MyInt(1), MyInt(1) == 1)
