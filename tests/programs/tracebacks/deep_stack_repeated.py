def a(n):
    if n == 0:
        raise RuntimeError("bottom")
    return a(n - 1)
a(50)
