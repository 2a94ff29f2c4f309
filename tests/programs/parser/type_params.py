def first[T](xs: list[T]) -> T:
    return xs[0]
print(first([3, 4]))
print(first.__type_params__)
class Box[T]:
    def __init__(self, v: T): self.v = v
print(Box.__type_params__, Box(5).v)
type Alias = list[int]
print(Alias, Alias.__value__, type(Alias).__name__)
type Pair[K, V] = tuple[K, V]
print(Pair.__type_params__, Pair[int, str])
def bounded[T: (int, str), *Ts, **P](x: T) -> T: return x
print(bounded.__type_params__)
class Sub[T: int](Box[T]): pass
print(Sub.__type_params__, Sub.__type_params__[0].__bound__)
