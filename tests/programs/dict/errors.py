d = {"a": 1}
try:
    d["missing"]
except KeyError as e:
    print(repr(e), e, e.args)
try:
    d[("t", 1)]
except KeyError as e:
    print(e)
try:
    d[[1]] = 2
except TypeError as e:
    print(e)
try:
    {}.popitem()
except KeyError as e:
    print(e)
try:
    for k in d:
        d["new"] = 1
except RuntimeError as e:
    print(e)
try:
    dict([1, 2])
except TypeError as e:
    print(e)
try:
    d[""]
except KeyError as e:
    print(repr(str(e)))
