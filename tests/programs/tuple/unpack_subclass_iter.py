# Unpacking a tuple or list subclass goes through its __iter__; exact
# tuples and lists unpack directly; length errors.
class T(tuple):
    def __iter__(self): return iter([9, 8])
class L(list):
    def __iter__(self): return iter([7, 6])
a, b = T((1, 2)); print(a, b)
a, b = L([1, 2]); print(a, b)
for x, y in [T((1, 2)), (3, 4), [5, 6]]: print(x, y)
try:
    a, b = (1, 2, 3)
except ValueError as e: print(e)
try:
    a, b = [1]
except ValueError as e: print(e)
