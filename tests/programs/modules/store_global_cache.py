# STORE_GLOBAL through the global cache: rebinding, shadowing a builtin
# and deleting the shadow, many new globals, del, __del__ of a replaced
# value, exec with its own globals.
x = 1
def setx(v):
    global x
    x = v
def getx():
    return x
for i in range(3):
    setx(i * 10); print(getx(), x)
def shadow_len():
    global len
    len = lambda s: 42
print(len("ab")); shadow_len(); print(len("ab"))
del len
print(len("abc"))
def add_many():
    global a0, a1, a2, a3, a4, a5, a6, a7, a8, a9
    for k in range(10):
        globals()["a%d" % k] = k
    a5 = 55
add_many(); print(a5, a9)
setx(7); del x
try: print(getx())
except NameError as e: print(e)
setx(8); print(getx())
class D:
    def __del__(self): print("del", getx() if False else "ok")
setx(D()); setx(1); print(x)
g = {"__builtins__": __builtins__}
exec("def f():\n    global y\n    y = 3\n    return y\nprint(f(), f())", g)
print(g["y"])
