try:
    raise ValueError("inner cause")
except ValueError as v:
    eg = ExceptionGroup("with cause", [TypeError("t")])
    eg.add_note("a note on the group")
    raise eg from v
