def f(*a, **k): pass
for bad in ["f(*1)", "f(**1)", "f(**{1: 2})", "f(*None)", "f(**{'a': 1}, **{'a': 2})", "f(a=1, **{'a': 2})", "len(**{'x': 1})", "print(**[])"]:
    try:
        eval(bad)
    except TypeError as e:
        print(bad, "->", e)
