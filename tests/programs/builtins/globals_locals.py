g = 1
def f(a):
    b = 2
    return sorted(locals().items())
print(f(0))
print("g" in globals(), globals()["g"], type(globals()).__name__)
def modify():
    locals()["x"] = 5
    return "x" in locals()
print(modify())
class C:
    x = 1
    names = sorted(k for k in locals() if not k.startswith("__"))
print(C.names)
