from dataclasses import dataclass, field, fields, asdict, astuple, replace, FrozenInstanceError, is_dataclass, InitVar
from typing import ClassVar
@dataclass
class Point:
    x: int
    y: int = 0
    tags: list = field(default_factory=list)
    count: ClassVar[int] = 0
p = Point(1, 2); print(p, p == Point(1, 2), p != Point(1, 3), Point(5), fields(p)[0].name, [f.name for f in fields(Point)])
print(asdict(p), astuple(p), replace(p, y=9), is_dataclass(p), Point.__match_args__, Point.__hash__)
@dataclass(order=True, frozen=True)
class V:
    a: int
    b: str = "z"
print(V(1) < V(2), V(1, 'a') <= V(1, 'b'), sorted([V(3), V(1)]), hash(V(1)) == hash(V(1)))
try: V(1).a = 2
except FrozenInstanceError as e: print("frozen:", e)
@dataclass
class Inner:
    items: list
@dataclass
class Outer:
    name: str
    inner: Inner
print(asdict(Outer("o", Inner([1, 2]))))
@dataclass
class C:
    a: int
    b: InitVar[int] = 0
    c: int = field(init=False, default=0)
    def __post_init__(self, b): self.c = self.a + b
print(C(1, 2), C(3))
try:
    @dataclass
    class Bad:
        a: int = 0
        b: int
except TypeError as e: print(e)
try:
    @dataclass
    class Bad2:
        a: list = []
except ValueError as e: print(e)
@dataclass
class D(Point):
    z: int = 5
print(D(1, 2, [3], 4))
print(Point.__init__.__qualname__, Point.__repr__.__qualname__)
@dataclass(repr=False, eq=False)
class E:
    q: int
print(E(1) == E(1), 'E object' in repr(E(1)))
