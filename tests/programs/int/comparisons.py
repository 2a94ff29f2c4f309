print(1 == 1.0, 1 < 1.5, 2 ** 64 > 1e19, -0 == 0, 10 ** 400 > 1e308)
print(sorted([3, -1, 2 ** 65, 0, -(2 ** 65)]))
print(5 == "5", 5 != None)
try:
    5 < "5"
except TypeError as e:
    print(e)
print(hash(1) == hash(1.0) == hash(True), hash(-1), hash(2 ** 61 - 1), hash(2 ** 61), hash(-2))
