import enum
class Color(enum.Enum):
    RED = 1
    GREEN = 2
class NS:
    LIMIT = 10
def m(v):
    match v:
        case Color.RED:
            return "red"
        case NS.LIMIT:
            return "limit"
        case (1 | 2) as small:
            return f"small {small}"
        case [x, (0 | 1)] if False:
            return "never"
        case other:
            return f"other {other!r}"
for v in [Color.RED, Color.GREEN, 10, 1, 2, 3]:
    print(m(v))
match 5:
    case x if x > 3:
        print("guard", x)
match (1, 2):
    case (a, b):
        print(a + b)
match = {"m": 1}
print(match["m"])
