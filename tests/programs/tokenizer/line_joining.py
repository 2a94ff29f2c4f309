x = (1 +
     2 +
     3)
y = [
    1,
    2,  # comment
]
z = {'a': 1,
     'b': 2}
w = 1 + \
    2 + \
    3
if x == 6 and \
   w == 6:
    print("joined", x, y, z['b'], w)
def f(a,
      b):
    return a + b
print(f(1,
        2))
