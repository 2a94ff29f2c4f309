class Plugin:
    registry = []
    def __init_subclass__(cls, /, tag=None, **kw):
        super().__init_subclass__(**kw)
        cls.tag = tag
        Plugin.registry.append(cls.__name__)
class A(Plugin, tag="a"): pass
class B(Plugin): pass
print(Plugin.registry, A.tag, B.tag)
try:
    class C(Plugin, unknown=1): pass
except TypeError as e:
    print(e)
class Gen:
    def __class_getitem__(cls, item):
        return f"{cls.__name__}[{item!r}]"
print(Gen[int], Gen["x", 1])
print(list[int], dict[str, list[int]], type(list[int]).__name__, list[int]().__class__)
try:
    object[int]
except TypeError as e:
    print(e)
