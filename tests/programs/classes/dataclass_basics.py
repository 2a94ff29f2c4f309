from dataclasses import dataclass, field
@dataclass(order=True)
class Item:
    name: str
    price: float = 0.0
    tags: list = field(default_factory=list)
i = Item("pen", 1.5)
print(i, i == Item("pen", 1.5), i < Item("pencil"), i.tags)
@dataclass(frozen=True)
class P:
    x: int
    y: int = 0
p = P(1)
print(p, hash(p) == hash(P(1)))
try:
    p.x = 5
except Exception as e:
    print(type(e).__name__, e)
