class Typed:
    def __set_name__(self, owner, name):
        self.name = "_" + name
        print("set_name", owner.__name__, name)
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.name, None)
    def __set__(self, obj, value):
        if not isinstance(value, int):
            raise TypeError(f"{self.name[1:]} must be int")
        setattr(obj, self.name, value)
class NonData:
    def __get__(self, obj, objtype=None):
        return "nondata"
class Point:
    x = Typed()
    y = Typed()
    nd = NonData()
p = Point()
p.x = 5
print(p.x, p.y, type(Point.x).__name__)
try:
    p.y = "s"
except TypeError as e:
    print(e)
print(p.nd)
p.__dict__["nd"] = "instance wins"
print(p.nd)
p.__dict__["x"] = "data descriptor wins"
print(p.x)
