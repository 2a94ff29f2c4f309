def compute(a, b, c):
    return a * 2 + b / c - 1
compute(1, 2, 0)
