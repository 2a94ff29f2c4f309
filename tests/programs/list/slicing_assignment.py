l = list(range(10))
l[2:5] = []
print(l)
l[:0] = ["start"]
print(l)
l[len(l):] = ["end"]
print(l)
l[::2] = ["e"] * len(l[::2])
print(l)
try:
    l[::2] = [1]
except ValueError as e:
    print(e)
del l[1::2]
print(l)
l2 = [1, 2, 3]
l2[1:2] = "abc"
print(l2)
