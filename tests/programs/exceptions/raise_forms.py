try:
    raise ValueError
except ValueError as e:
    print(repr(e), e.args)
try:
    raise ValueError("msg", 2)
except ValueError as e:
    print(repr(e), str(e), e.args)
try:
    raise TypeError()
except TypeError as e:
    print(repr(e), repr(str(e)))
try:
    try:
        raise KeyError("k")
    except KeyError:
        raise
except KeyError as e:
    print("reraised", e)
try:
    raise 5
except TypeError as e:
    print(e)
try:
    raise
except RuntimeError as e:
    print(e)
class NotExc: pass
try:
    raise NotExc
except TypeError as e:
    print(e)
e = ValueError("x")
try:
    raise e
except ValueError as caught:
    print(caught is e)
def g():
    try:
        raise ValueError("v")
    except ValueError as err:
        pass
    return 'err' in dir()
print(g())
