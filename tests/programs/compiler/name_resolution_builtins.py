print(len("abc"))
len = lambda x: 42
print(len("abc"))
del len
print(len("abc"))
import builtins
builtins.custom_builtin = "from builtins"
print(custom_builtin)
def f():
    return max([1, 5, 3])
max = min
print(f())
