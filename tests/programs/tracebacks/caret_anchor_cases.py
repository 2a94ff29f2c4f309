import traceback
def show(f):
    try:
        f()
    except BaseException as e:
        traceback.print_exception(e)
def a():
    x = {"é": 1}
    return x["日本"]
show(a)
def b():
    return (1 +
        # comment
        2 +
        None)
show(b)
def c():
    d = {}
    return d[
        "a"
        ]
show(c)
def d():
    return len(
        1,
        2,
        3,
        4,
        5,
        6,
    )
show(d)
def e():
    x = 1
    y = None
    return x \
        + y
show(e)
def f():
	return 1 + None
show(f)
def g():
    return [1, 2, 3][10] if True else 0
show(g)
def h():
    obj = None
    obj.attr.other
show(h)
def i():
    s = "abc"
    return s.upper().lower().nope()
show(i)
def j():
    return 1 @ 2
show(j)
def k():
    a = [1]
    a[0] += None
show(k)
def l():
    x = None
    x()
show(l)
def m():
    assert 1 == 2, "msg"
show(m)
def n():
    return 2 ** "x"
show(n)
def o():
    v = "日本語" + 1
show(o)
