print(abs(-2.5), all([1, 1]), all([]), any([0, 0]), any([0, 1]), callable(len), callable(1))
print(chr(8364), divmod(-7, 2), id(1) == id(1), len({"a": 1}), list(range(3)), pow(2, 10, 1000))
print(round(0.5), round(1.5), round(-0.5), round(12345, -2), round(2.5, 0), type(round(2.5)), type(round(2.5, 0)))
print(bool(), int(), float(), str(), list(), dict(), tuple(), set(), complex(), bytes())
print(type(1), type("s"), type(type), type(None).__name__, object().__class__)
print(globals()["__name__"], __name__, __builtins__.__name__ if hasattr(__builtins__, "__name__") else "dict")
print(next(iter([5])), iter([]).__class__.__name__, slice(2), memoryview(b"a").tolist())
import builtins
print(builtins.len is len, "print" in dir(builtins))
