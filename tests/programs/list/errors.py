l = [1, 2, 3]
for expr in ["l[5]", "l.index(9)", "l.remove(9)", "[].pop()", "l.pop(10)", "l + (1,)", "l['a']", "l * 'a'", "[3, 'a'].sort()", "l.sort(1)"]:
    try:
        eval(expr)
    except Exception as e:
        print(expr, "->", type(e).__name__, e)
try:
    l[10] = 1
except IndexError as e:
    print(e)
