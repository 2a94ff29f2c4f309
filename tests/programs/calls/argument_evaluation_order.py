def trace(v):
    print("eval", v)
    return v
def f(*a, **k): return a, k
print(f(trace(1), trace(2), x=trace(3), *[trace(4)], **{"y": trace(5)}))
d = {}
d[trace("k")] = trace("v")
trace(1) + trace(2) * trace(3)
x = [trace("a"), trace("b")][trace(0)]
print(x)
