# The warning is given even under -O, where asserts are removed.
x = 0
assert (x, "msg")
assert x
print("done")
