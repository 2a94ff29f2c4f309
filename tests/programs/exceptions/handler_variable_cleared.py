e = "outer value"
try:
    raise ValueError("inner")
except ValueError as e:
    pass
try:
    print(e)
except NameError as err:
    print("NameError:", err)
def f():
    try:
        1 / 0
    except ZeroDivisionError as exc:
        saved = exc
    return type(saved).__name__, saved.__traceback__ is not None
print(f())
