# compile()/exec() of a str ignore a coding declaration; bytes honour it.
exec("# -*- coding: latin-1 -*-\ns = 'é'\nprint(len(s), s)")
exec("# coding: nonexistent\nprint('fine')")
exec(b"# -*- coding: latin-1 -*-\ns = '\xe9'\nprint(len(s), s)")
try:
    exec(b"# coding: nonexistent\nprint('fine')")
except SyntaxError as e:
    print(type(e).__name__, e.msg)
print(eval("  1 + 1"), eval(b"\t 2 + 2"))
exec("\ufeffprint(1)")
