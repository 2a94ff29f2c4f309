def describe(cmd):
    match cmd.split():
        case ["go", ("north" | "south" | "east" | "west") as direction]:
            return f"going {direction}"
        case ["pick", "up", *items] if items:
            return f"picking {', '.join(items)}"
        case ["drop", item, *_]:
            return f"dropping {item}"
        case [verb] if verb.isupper():
            return "shouting"
        case []:
            return "nothing"
        case [_, *rest]:
            return f"unknown with {len(rest)} args"
for c in ["go north", "pick up a b", "pick up", "drop x y", "HELP", "", "jump high"]:
    print(repr(c), "->", describe(c))
match {"a": 1, "b": [1, 2]}:
    case {"b": [_, second], **others}:
        print(second, others)
match (1, "x", None):
    case (int() as n, str() as s, None):
        print(n, s)
match 42:
    case bool():
        print("bool")
    case int(v) if v > 40:
        print("big int", v)
match [1, [2, [3, [4]]]]:
    case [a, [b, [c, [d]]]]:
        print(a + b + c + d)
