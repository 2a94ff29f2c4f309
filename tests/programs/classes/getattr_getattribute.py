class Dyn:
    real = "real"
    def __getattr__(self, name):
        if name.startswith("dyn_"):
            return name[4:]
        raise AttributeError(f"no {name}")
d = Dyn()
print(d.real, d.dyn_hello)
try:
    d.other
except AttributeError as e:
    print(e)
print(getattr(d, "missing", "dflt"), hasattr(d, "dyn_x"))
class Logged:
    def __init__(self): self.a = 1
    def __getattribute__(self, name):
        if not name.startswith("__"):
            print("get", name)
        return super().__getattribute__(name)
    def __setattr__(self, name, v):
        print("set", name, v)
        super().__setattr__(name, v)
    def __delattr__(self, name):
        print("del", name)
        super().__delattr__(name)
l = Logged()
print(l.a)
del l.a
class Fallback:
    def __getattribute__(self, name):
        raise AttributeError(name)
    def __getattr__(self, name):
        return "fallback " + name
print(Fallback().x)
