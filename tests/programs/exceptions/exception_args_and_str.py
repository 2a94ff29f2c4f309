class E(Exception): pass
for args in [(), ("one",), ("a", "b"), (1,), (None,), ([1],)]:
    e = E(*args)
    print(repr(e), repr(str(e)), e.args)
e = E("x")
e.args = ("changed", 2)
print(e, repr(e))
print(str(BaseException()), repr(Exception("multi\nline")), str(ValueError(3.5)))
