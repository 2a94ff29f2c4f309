import sys
class Res:
    def __init__(self, name): self.name = name; print("open", name)
    def __del__(self): print("close", self.name)
r = Res("a")
r = None
print("after rebind")
def scope():
    x = Res("b")
    print("in scope")
scope()
print("after scope")
l = [Res("c")]
del l[0]
print("after del item")
a = Res("d")
b = a
del a
print("still referenced")
del b
print("gone")
x = object()
base = sys.getrefcount(x)
y = x
print(sys.getrefcount(x) - base)
z = [x, x]
print(sys.getrefcount(x) - base)
del y, z
print(sys.getrefcount(x) - base)
last = Res("at exit")
