def m(x):
    match x:
        case []:
            return "empty"
        case [a]:
            return f"one {a}"
        case [a, b] if a == b:
            return "pair same"
        case (a, b):
            return f"pair {a} {b}"
        case [first, *rest] if len(rest) > 3:
            return f"long {first} {rest}"
        case [1, *_, z]:
            return f"starts1 ends {z}"
        case [[x, y], *_]:
            return f"nested {x} {y}"
        case _:
            return "other"
for v in [[], [1], [2, 2], (3, 4), [0, 1, 2, 3, 4], [1, 2, 3], [[5, 6], 0, 0], "ab", {1: 2}]:
    print(v, m(v))
