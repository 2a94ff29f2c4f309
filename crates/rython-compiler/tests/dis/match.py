match x:
    case 1 | 2:
        a()
    case [a, *rest] if a > 0:
        b(rest)
    case {"k": v, **kw}:
        c(v)
    case Point(x=0, y=yy) as p:
        d(p)
    case (1, _, *_, z):
        pass
    case str() | bytes():
        pass
    case None:
        pass
    case -1:
        pass
    case _:
        e()
def f(x):
    match x:
        case [a, b] | [b, a]:
            return a
        case {1: _, "x": y}:
            return y
