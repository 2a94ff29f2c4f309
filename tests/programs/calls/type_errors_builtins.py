for bad in ["len()", "len(1, 2)", "len(5)", "abs('x')", "int(1, 2, 3)", "dict(1)", "list(1, 2)", "isinstance(1)", "divmod(1)", "'abc'.split(1)", "[].append()", "str.upper()", "max(key=len)", "sorted(1)", "hash([])", "round('x')", "ord(1)", "chr('a')", "1()", "'str'()", "None()"]:
    try:
        eval(bad)
    except TypeError as e:
        print(bad, "->", e)
