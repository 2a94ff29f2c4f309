def f(a, b, /, c, *, d):
    return a, b, c, d
print(f(1, 2, 3, d=4), f(1, 2, c=3, d=4))
def g(a, /, **kw):
    return a, kw
print(g(1, a=2))
try:
    f(1, b=2, c=3, d=4)
except TypeError as e:
    print(e)
print(len.__text_signature__, divmod.__text_signature__)
try:
    len(obj=[1])
except TypeError as e:
    print(e)
try:
    "abc".split(sep="b", x=1)
except TypeError as e:
    print(e)
