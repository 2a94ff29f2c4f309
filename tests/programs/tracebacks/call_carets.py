def inner(x):
    raise ValueError(f"bad value {x}")
def outer(items):
    return [inner(i) for i in items]
outer([1, 2])
