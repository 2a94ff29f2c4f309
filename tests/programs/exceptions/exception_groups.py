eg = ExceptionGroup("group", [ValueError(1), TypeError(2), ValueError(3)])
print(repr(eg), str(eg), len(eg.exceptions))
match, rest = eg.split(ValueError)
print(repr(match), repr(rest))
print(repr(eg.subgroup(lambda e: isinstance(e, TypeError))))
try:
    raise eg
except* ValueError as g:
    print("caught values", repr(g))
except* TypeError as g:
    print("caught types", repr(g))
try:
    try:
        raise ExceptionGroup("outer", [KeyError("k"), OSError("o")])
    except* KeyError:
        print("handled key")
except ExceptionGroup as leftover:
    print("left", repr(leftover))
try:
    raise ValueError("naked")
except* ValueError as g:
    print("wrapped", repr(g))
bg = BaseExceptionGroup("b", [KeyboardInterrupt()])
print(type(bg).__name__, type(BaseExceptionGroup("e", [ValueError()])).__name__)
try:
    ExceptionGroup("x", [])
except ValueError as e:
    print(e)
try:
    ExceptionGroup("x", [KeyboardInterrupt()])
except TypeError as e:
    print(e)
