# range() of small ints (the fast path) and of big, bool and __index__
# arguments: lengths, reprs, indexing, membership, errors; a list of an
# impossible size raises MemoryError.
import sys
for args in [(5,), (0,), (-3,), (2, 10), (10, 2), (2, 10, 3), (10, 2, -3), (10, 2, 3), (-5, 5, 2), (5, -5, -2),
             (0, sys.maxsize), (-sys.maxsize - 1, sys.maxsize, sys.maxsize), (sys.maxsize, -sys.maxsize - 1, -1),
             (True, 5), (2, 2**70, 2**65), (1, 7, 7)]:
    r = range(*args)
    try:
        head = list(r)[:4]
    except MemoryError:
        head = "MemoryError"
    except OverflowError as e:
        head = "OverflowError: %s" % e
    print(args, r, head, r[-1] if r else None, 3 in r, r[:2])
try: range(1, 2, 0)
except ValueError as e: print(e)
try: range(1.5)
except TypeError as e: print(e)
class I(int):
    def __index__(self): return 3
print(list(range(I(7))))
print(range(5) == range(0, 5, 1), hash(range(3)) == hash(range(0, 3)))
