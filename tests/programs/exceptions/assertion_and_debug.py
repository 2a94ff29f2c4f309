try:
    assert 1 > 2, f"1 is not > {2}"
except AssertionError as e:
    print(e.args)
print(__debug__)
x = []
try:
    assert x, "empty list"
except AssertionError as e:
    print(e)
try:
    assert isinstance(x, dict)
except AssertionError as e:
    print(repr(e))
