def f(x: int = 1, *, y=2) -> str:
    """Doc."""
    return str(x)
print(f.__name__, f.__qualname__, f.__module__, f.__doc__)
print(f.__defaults__, f.__kwdefaults__, f.__annotations__)
f.custom = 5
print(f.__dict__)
f.__name__ = "renamed"
print(f.__name__, f.__qualname__)
print(callable(f), type(f).__name__)
print(f.__globals__ is globals())
def g(): pass
print(g.__doc__, g.__defaults__, g.__kwdefaults__, g.__closure__)
print(g() is None)
