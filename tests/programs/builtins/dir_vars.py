class C:
    cls_attr = 1
    def __init__(self):
        self.a = 1
        self.b = 2
    def method(self): pass
c = C()
print(vars(c), [n for n in dir(c) if not n.startswith("__")], sorted(vars(C).keys() - {"__dict__", "__weakref__", "__doc__", "__module__", "__init__", "__firstlineno__", "__static_attributes__"}))
def f():
    local_var = 1
    return sorted(dir())
print(f())
print("__builtins__" in dir(), "C" in dir())
try:
    vars(1)
except TypeError as e:
    print(e)
print(sorted(k for k in vars() if not k.startswith("_")))
