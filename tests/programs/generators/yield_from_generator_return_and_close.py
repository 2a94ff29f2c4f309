def sub():
    try:
        yield 1
        yield 2
    finally:
        print("sub finally")
def main():
    yield from sub()
m = main()
print(next(m))
m.close()
print("closed main")
def sub2():
    yield 1
    return "sub2 value"
def main2():
    v = yield from sub2()
    print("got", v)
    v2 = yield from sub2()
    return v + "/" + v2
print(list(main2()))
g = main2()
for _ in g: pass
def forward_send():
    x = yield from accumulate()
    yield x
def accumulate():
    total = 0
    while (v := (yield total)) is not None:
        total += v
    return total
f = forward_send(); next(f)
print(f.send(1), f.send(2), f.send(None))
