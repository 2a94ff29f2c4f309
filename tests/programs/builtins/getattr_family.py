class C:
    x = 1
    def __init__(self): self.y = 2
c = C()
print(getattr(c, "x"), getattr(c, "y"), getattr(c, "z", "default"), hasattr(c, "y"), hasattr(c, "z"))
setattr(c, "z", 3); print(c.z)
delattr(c, "z"); print(hasattr(c, "z"))
try:
    getattr(c, "nope")
except AttributeError as e:
    print(e)
try:
    delattr(c, "nope")
except AttributeError as e:
    print(e)
try:
    getattr(c, 5)
except TypeError as e:
    print(e)
try:
    setattr(1, "x", 2)
except AttributeError as e:
    print(e)
print(getattr(1, "real"), getattr(str, "upper")("a"))
