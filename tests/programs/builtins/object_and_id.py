o = object()
print(type(o).__name__, o == o, o != object(), hash(o) == hash(o), id(o) == id(o))
try:
    o.x = 1
except AttributeError as e:
    print(e)
print(object.__bases__, object.__mro__, type.__mro__, isinstance(type, object))
print(len(dir(object)) > 10, "__eq__" in dir(o))
a = [1]
b = a
print(a is b, id(a) == id(b), [1] is [1])
