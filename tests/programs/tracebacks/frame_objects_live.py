import sys
def f():
    fr = sys._getframe()
    x = 1
    return fr.f_lineno, sorted(fr.f_locals)
print(f())
def g():
    a = 1
    yield
    b = 2
    yield
gen = g(); next(gen)
print(gen.gi_frame.f_locals, gen.gi_frame.f_lineno)
next(gen)
print(gen.gi_frame.f_locals, gen.gi_frame.f_lineno)
try:
    1/0
except ZeroDivisionError as e:
    tb = e.__traceback__
    y = 5
    print(tb.tb_frame.f_lineno, tb.tb_lineno)
