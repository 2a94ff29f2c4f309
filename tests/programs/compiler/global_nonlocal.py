g = 1
def a():
    global g
    g += 1
    def b():
        global g
        g *= 10
    b()
a(); print(g)
def c():
    x = 1
    def d():
        nonlocal x
        x = 2
        def e():
            nonlocal x
            x = 3
        e()
    d()
    return x
print(c())
def f():
    global newglobal
    newglobal = "created"
f(); print(newglobal)
