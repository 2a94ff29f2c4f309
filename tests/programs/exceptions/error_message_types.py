for expr in ["[1] * 1.5", "'%d' % 'x'", "sum(1)", "{}.get()", "list.append(1, 2)", "int.__add__('a', 1)", "(1).__add__()", "setattr(1)", "iter()", "range()", "'{0}'.format()", "zip(1)", "map(1, [1])", "dict(a=1)['b']"]:
    try:
        eval(expr)
    except Exception as e:
        print(f"{expr}: {type(e).__name__}: {e}")
