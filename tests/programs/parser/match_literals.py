def m(x):
    match x:
        case 0 | 1:
            return "small"
        case 2.5:
            return "float"
        case -3:
            return "neg"
        case 1+2j:
            return "complex"
        case "s":
            return "str"
        case b"b":
            return "bytes"
        case None:
            return "none"
        case True:
            return "true"
        case _:
            return "other"
for v in [0, 1, 2.5, -3, 1+2j, "s", b"b", None, True, False, 7]:
    print(repr(v), m(v))
