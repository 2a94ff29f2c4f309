x = 1 + \
\
    2
print(x)
s = ("implicit"
     " concatenation"
     f" with {x}")
print(s)
assert x == 3, \
    "message"
print([
    1,
    2,
][
    1
])
