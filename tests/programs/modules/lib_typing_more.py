from typing import *
import typing
class Proto(Protocol):
    def meth(self) -> int: ...
@runtime_checkable
class Closable(Protocol):
    def close(self): ...
class F:
    def close(self): pass
print(isinstance(F(), Closable), isinstance(1, Closable))
class Movie(TypedDict):
    name: str
    year: int
m = Movie(name='x', year=1); print(m, type(m).__name__, Movie.__required_keys__ == {'name', 'year'})
NT = NamedTuple('NT', [('a', int), ('b', str)]); print(NT(1, 'x'), NT._fields)
K = TypeVar('K', bound=int); V = TypeVar('V', int, str); Co = TypeVar('Co', covariant=True)
print(K, K.__bound__, V.__constraints__, Co, Union[int, Union[str, float]], Union[int, int], Optional[None] if False else 0)
class Base(Generic[K, V]): pass
class Child(Base[int, str]): pass
print(Base[int, str], Child.__mro__[1].__name__, Base.__parameters__)
print(get_origin(Optional[int]) is Union, get_args(Optional[int]), get_args(Callable[[int], str]), get_origin(Callable[[int], str]))
print(Annotated[int, "meta"], get_args(Annotated[int, "m"]), Tuple[int, str], Type[int], Set[int], FrozenSet[str])
print(typing.Iterable[int], typing.Sequence[str], Mapping[str, int], Iterator[int])
def deco(f): return f
@overload
def o(x: int) -> int: ...
def o(x): return x
print(o(3), final(F) is F, TYPE_CHECKING)
