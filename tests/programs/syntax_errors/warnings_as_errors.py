# Compile-time SyntaxWarnings go through the warnings module: filters apply,
# catch_warnings(record=True) sees them, and an "error" filter turns each
# into the SyntaxError CPython raises instead (located at the offending
# token or expression).
import warnings

def show(src, mode="exec"):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        try:
            compile(src, "<s>", mode)
            print("OK", repr(src))
        except SyntaxError as e:
            print(repr(src), type(e).__name__, e.args)
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        try:
            compile(src, "<s>", mode)
        except SyntaxError as e:
            print("  err", e.msg)
        print("  ", [(str(x.message), x.category.__name__, x.lineno, x.filename) for x in w])

show("x = 1\nx is 1")
show("x = 1\nif x is not 'a': pass")
show("x = (1 is\n  x)")
show("assert (x, 'm')")
show("def f():\n    assert (\n  x, 'm')")
show("'\\q'")
show("x = '\\777'")
show("x = b'\\777'")
show("x = f'\\q{1}'")
show("x = '''\n\\q'''")
show("x = '\\q' + $")
show("x = 1if 1 else 2")
show("x = 0x1for x in y")
show("x = 1if 1 else 2", "eval")
show("(1, 2)(3)")
show("[1, 2][1, 2]")
show("(1)[2]")
show("x = 1\nx is 1\n'\\q'")
show("x = 1\nx is 1\n'\\q'\nreturn")
show("x = 1\nx is 1\nreturn")
show("x = '\\q'\n(")
show("x = f'''\n\\q\n'''")
show("x = f'''\n\\q{1}\n{2}\n'''")
show("x = f'{1:\\q}'")
show("x = f'{1:{2}\\q}'")
show("x = f'{f\"\\q\"}' f'\\w'")
show("x = f'\\q' f'\\w'")
show("x = '\\q' '\\w'")
show("x = '\\q' f'\\w'")
show("x = ('\\q'\n '\\w')")
show("x = '''\n\\q''' + 1")

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    compile("x = 1\nx is 1", "<s>", "exec")
    print("ignored")
with warnings.catch_warnings():
    warnings.filterwarnings("error", message='"is" with')
    try:
        compile("x = 1\nx is 1\n'\\q'", "<s>", "exec")
    except SyntaxError as e:
        print(e.msg)
    compile("'\\q'", "<s>", "exec")
