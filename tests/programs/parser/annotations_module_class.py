x: int = 1
y: "forward"
class C:
    a: int
    b: str = "default"
    def m(self) -> None: pass
print(__annotations__ if "__annotations__" in dir() else "none")
print(C.__annotations__, C.b, hasattr(C, "a"))
def f(p: list[int], *args: str, k: bool = True, **kw: float) -> dict: pass
print(f.__annotations__)
