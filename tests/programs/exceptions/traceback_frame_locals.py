import sys
def f(a, b=2):
    c = a + b
    def inner(): return c
    raise ValueError(c)
try:
    f(1)
except ValueError as e:
    tb = e.__traceback__.tb_next
    print(sorted(tb.tb_frame.f_locals.items(), key=lambda kv: kv[0])[:3], tb.tb_frame.f_code.co_name)
def g():
    x = 5
    return sys._getframe()
fr = g()
print(fr.f_locals)
