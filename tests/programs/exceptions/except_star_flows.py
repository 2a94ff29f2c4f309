def run(excs):
    try:
        raise ExceptionGroup("eg", excs)
    except* (ValueError, KeyError) as g:
        print("VK", [repr(e) for e in g.exceptions])
    except* TypeError as g:
        print("T", [repr(e) for e in g.exceptions])
run([ValueError(1), KeyError(2), TypeError(3)])
run([TypeError("only")])
try:
    run([OSError("x")])
except ExceptionGroup as e:
    print("unhandled", repr(e))
try:
    try:
        raise ExceptionGroup("eg", [ValueError(1)])
    except* ValueError:
        raise KeyError("new")
except KeyError as e:
    print("new exc", repr(e), repr(e.__context__))
nested = ExceptionGroup("outer", [ValueError(1), ExceptionGroup("inner", [ValueError(2), TypeError(3)])])
try:
    raise nested
except* ValueError as g:
    print(repr(g))
except* TypeError as g:
    print(repr(g))
