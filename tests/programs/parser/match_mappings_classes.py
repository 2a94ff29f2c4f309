class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y
class P3:
    __match_args__ = ("a", "b")
    def __init__(self, a, b): self.a, self.b = a, b
def m(v):
    match v:
        case {"type": "circle", "r": r}:
            return f"circle {r}"
        case {"type": t, **rest}:
            return f"{t} {sorted(rest)}"
        case Point(x=0, y=0):
            return "origin"
        case Point(0, y):
            return f"on y {y}"
        case Point(x=x) if x > 10:
            return "far"
        case P3(1, b):
            return f"p3 {b}"
        case int(n) | float(n):
            return f"num {n}"
        case str() as s:
            return f"str {s}"
        case _:
            return "?"
for v in [{"type": "circle", "r": 2}, {"type": "sq", "w": 1, "h": 2}, Point(0, 0), Point(0, 5),
          Point(11, 1), Point(1, 1), P3(1, 9), 4, 2.5, "x"]:
    print(m(v))
