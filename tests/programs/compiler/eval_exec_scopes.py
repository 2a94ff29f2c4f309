x = 1
print(eval("x + 1"))
print(eval("x + y", {"x": 10, "y": 20}))
print(eval("x", {"x": 1}, {"x": 2}))
ns = {}
exec("a = 5\ndef f(): return a * 2", ns)
print(ns["a"], ns["f"]())
def func():
    local = 3
    return eval("local * 2")
print(func())
exec("z = 9")
print(z)
