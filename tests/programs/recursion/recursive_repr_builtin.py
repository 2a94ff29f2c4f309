x = []
for i in range(100000):
    x = [x]
try:
    repr(x)
except RecursionError as e:
    print("repr:", e)
d = {}
for i in range(100000):
    d = {"k": d}
try:
    str(d)
except RecursionError as e:
    print("dict repr:", e)
y = [1]
y.append(y)
print(y, y == y)
