print(eval("1 + 2 * 3"), eval("[x for x in range(3)]"), eval(" 5 "))
code = compile("a = 4\nb = a * 2", "<string>", "exec")
ns = {}
exec(code, ns)
print(ns["b"], type(code).__name__, code.co_filename)
expr = compile("a * 10", "<expr>", "eval")
print(eval(expr, {"a": 7}))
single = compile("1 + 1", "<s>", "single")
exec(single)
try:
    eval("1 +")
except SyntaxError as e:
    print(type(e).__name__, e.msg, e.lineno, e.offset, e.filename, repr(e.text))
try:
    compile("x = ", "myfile", "exec")
except SyntaxError as e:
    print(e)
try:
    eval("x = 1")
except SyntaxError as e:
    print(e)
try:
    compile("1", "f", "bad")
except ValueError as e:
    print(e)
print(exec("x = 1"), eval("__name__"), eval("len")("ab"))
