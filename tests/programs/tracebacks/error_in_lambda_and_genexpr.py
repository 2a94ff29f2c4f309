data = [1, 2, 0]
fn = lambda v: 10 // v
print(sum(fn(v) for v in data))
