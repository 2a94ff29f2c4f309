# 'return' in an except* block: a constant return value lends the error its
# location.
def show(src):
    try:
        compile(src, "<s>", "exec")
        print("OK", repr(src))
    except SyntaxError as e:
        print(repr(src), "->", repr(e.msg), e.lineno, e.offset, e.end_lineno, e.end_offset)

body = "def f():\n    try:\n        pass\n    except* ValueError:\n        %s"
for stmt in ["return 1", "return", "return x + y", "return f(x)", "return -1", "return (1, 2)",
             "return 'abc'", "return (\n            1)", "return None", "return x"]:
    show(body % stmt)
loop = "for x in y:\n    try:\n        pass\n    except* ValueError:\n        %s"
for stmt in ["break", "continue"]:
    show(loop % stmt)
show("try:\n    pass\nexcept* ValueError:\n    return 1")
