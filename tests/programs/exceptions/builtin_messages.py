tests = [
    "1 / 0", "[][0]", "{}['k']", "None.attr", "int('x')", "1 + 'a'", "'a' - 1", "[] + ()", "len(1)",
    "undefined_name", "(1).foo", "'abc'.foo", "import nonexistent_mod_xyz", "[1, 2, 3][1:2:0]",
    "{}.fromkeys(1)", "1 < 'a'", "-'a'", "~1.5", "abs(None)", "float('x')", "[].remove(1)",
    "(1, 2)[5]", "'abc'[1.5]", "{1: 2}[[1]]", "1 ** 'x'", "'x' * 'y'", "b'a' + 'b'",
    "next(iter([]))", "int.nope", "type.mro()", "object().__dict__", "print.__x__",
]
for t in tests:
    try:
        exec(t)
    except BaseException as e:
        print(f"{t!r:30} {type(e).__name__}: {e}")
