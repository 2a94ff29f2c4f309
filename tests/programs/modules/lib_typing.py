from typing import *
import typing
T = TypeVar('T')
print(T, Any, Optional[int], Union[int, str], Union[int, None], List[int], Dict[str, List[int]], Callable[[int, str], bool], Callable[..., int], Tuple[int, ...])
print(Literal[1, 'a'], ClassVar[int], get_args(Dict[str, int]), get_origin(List[int]), typing.NoReturn)
class Box(Generic[T]):
    def __init__(self, v: T): self.v = v
print(Box(1).v, Box[int], Box.__parameters__, Box.__mro__)
type Alias = list[int]
print(Alias, Alias.__value__, type(Alias).__name__)
class C[U]:
    def m(self) -> U: ...
print(C.__mro__)
def f[V](x: V) -> V: return x
print(f(3), len(f.__type_params__))
P = ParamSpec('P', bound=None); print(P, P.args)
UserId = NewType('UserId', int); print(UserId(5), UserId)
class Pt(NamedTuple):
    x: int
    y: int = 0
print(Pt(1), Pt._fields)
def g(a: int, b: 'str') -> None: pass
print(get_type_hints(g))
print(cast(int, "x"), Optional[int] == Union[int, None], int | None)
