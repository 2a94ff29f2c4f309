from typing import TypeVar, Generic
T = TypeVar("T"); U = TypeVar("U")
print(list[T][int], dict[str, T][int], list[T].__parameters__, dict[T, U].__parameters__)
print(dict[T, list[U]][int, str], type[int], type(list[int]))
for bad in ("list[int][int]", "dict[T, U][int]", "list[T][int, str]"):
    try:
        eval(bad)
    except TypeError as e:
        print(e)
print([*tuple[int, str]] if False else "skip")
print(type[int].__origin__, type[T][str])
