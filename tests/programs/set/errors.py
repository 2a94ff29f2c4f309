s = {1}
for expr in ["s.remove(5)", "set().pop()", "{[1]}", "s.add({})", "s < [1]", "frozenset().add"]:
    try:
        print(eval(expr) is not None)
    except Exception as e:
        print(expr, "->", type(e).__name__, e)
try:
    for x in s:
        s.add(x + 1)
except RuntimeError as e:
    print(e)
