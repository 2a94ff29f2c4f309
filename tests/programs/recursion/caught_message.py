def f(n):
    return f(n + 1) + 1
try:
    f(0)
except RecursionError as e:
    print("caught:", e)
def g(n):
    return [g(n + 1)]
try:
    g(0)
except RecursionError as e:
    print("caught list:", e)
print("still alive")
