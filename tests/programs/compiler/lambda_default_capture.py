fns = [lambda x=i: x for i in range(3)]
print([f() for f in fns])
def make(n):
    return lambda: n
print([make(i)() for i in range(3)])
x = 5
f = lambda: x
x = 6
print(f())
