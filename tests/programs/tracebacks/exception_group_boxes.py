def f():
    raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
try:
    f()
except ExceptionGroup as e:
    e.add_note("a note")
    import traceback
    traceback.print_exception(e)
def g(i):
    raise KeyError(i)
excs = []
for i in range(3):
    try:
        g(i)
    except KeyError as e:
        excs.append(e)
inner = ExceptionGroup("inner", excs)
try:
    try:
        raise inner
    except ExceptionGroup as e:
        raise ExceptionGroup("outer", [e, OSError(2, 'x')]) from None
except ExceptionGroup as e:
    traceback.print_exception(e)
big = ExceptionGroup("big", [ValueError(i) for i in range(20)])
traceback.print_exception(big)
deep = ValueError('leaf')
for i in range(13):
    deep = ExceptionGroup(f"d{i}", [deep])
traceback.print_exception(deep)
try:
    raise ExceptionGroup("x", [ValueError(1), TypeError(2)])
except* ValueError:
    raise KeyError('in handler')
