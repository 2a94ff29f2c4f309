import traceback

def show(f):
    try:
        f()
    except BaseException as e:
        traceback.print_exception(e)

def binop():
    a = 1
    b = 0
    return (a +
            a) / (b *
                  1)
show(binop)

def sub():
    data = {"k": [1, 2]}
    return data["k"][5]
show(sub)

def call_chain():
    x = None
    return len(x) + 1
show(call_chain)

def attr_sugg():
    class Config:
        def __init__(self):
            self.timeout = 1
    Config().timout
show(attr_sugg)

def name_sugg():
    counter = 1
    return countr
show(name_sugg)

def forgot_import():
    return sys.argv
show(forgot_import)

def syntax():
    compile("x = (1 +\n", "<frag>", "exec")
show(syntax)

def syntax2():
    raise SyntaxError("bad thing", ("file.py", 3, 5, "    foo bar baz\n", 3, 8))
show(syntax2)

def notes():
    e = ValueError("with notes")
    e.add_note("first")
    e.add_note("second\nline")
    raise e
show(notes)

def bad_notes():
    e = ValueError("x")
    e.__notes__ = 42
    raise e
show(bad_notes)

def chained():
    try:
        {}["missing"]
    except KeyError as e:
        raise RuntimeError("wrapped") from e
show(chained)

def suppressed():
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("no context") from None
show(suppressed)

class BadStr(Exception):
    def __str__(self):
        raise RuntimeError("nope")
def bad_str():
    raise BadStr()
show(bad_str)

def rec(n):
    return rec(n + 1) if n < 50 else 1 / 0
show(lambda: rec(0))

class Custom(Exception):
    pass
show(lambda: (_ for _ in ()).throw(Custom("in genexpr")))
print(traceback.format_exception_only(KeyError("k")))
print(traceback.format_exception_only(SystemExit(3)))
