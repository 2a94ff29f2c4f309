def f():
    x: int
    try:
        return x
    except UnboundLocalError as e:
        return "unbound: " + str(e)
print(f())
class C:
    y: int = 5
    z: str
print(C.y, "z" in C.__dict__, C.__annotations__)
