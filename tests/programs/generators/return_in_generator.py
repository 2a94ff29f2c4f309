def g(n):
    for i in range(n):
        if i == 2:
            return f"stopped at {i}"
        yield i
it = g(5)
out = []
while True:
    try:
        out.append(next(it))
    except StopIteration as e:
        print(out, e.value)
        break
def wrapper():
    result = yield from g(10)
    yield result
print(list(wrapper()))
