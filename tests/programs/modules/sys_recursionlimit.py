import sys
old = sys.getrecursionlimit()
sys.setrecursionlimit(50)
def depth(n=0):
    try:
        return depth(n + 1)
    except RecursionError:
        return n
d = depth()
print(30 < d <= 50)
sys.setrecursionlimit(old)
print(sys.getrecursionlimit())
for bad in [0, -1]:
    try:
        sys.setrecursionlimit(bad)
    except ValueError as e:
        print(e)
try:
    sys.setrecursionlimit("x")
except TypeError as e:
    print(e)
