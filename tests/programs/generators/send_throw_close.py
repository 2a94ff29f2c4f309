def acc():
    total = 0
    while True:
        try:
            v = yield total
        except ValueError as e:
            print("thrown", e)
            v = 0
        except GeneratorExit:
            print("closing")
            raise
        if v is None:
            break
        total += v
    return total
g = acc()
print(next(g), g.send(5), g.send(10), g.throw(ValueError("oops")), g.send(1))
g.close()
g2 = acc(); next(g2); g2.send(3)
try:
    g2.send(None)
except StopIteration as e:
    print("returned", e.value)
g3 = acc()
try:
    g3.send(5)
except TypeError as e:
    print(e)
g4 = acc(); next(g4)
try:
    g4.throw(KeyError("k"))
except KeyError as e:
    print("propagated", e)
print(g4.gi_frame, next(g4, "exhausted"))
