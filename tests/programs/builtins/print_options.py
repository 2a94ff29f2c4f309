import sys
print("a", "b", sep="-", end="!\n")
print("x", 1, None, sep="")
print()
print("no newline", end="")
print(" continued")
print("to stderr", file=sys.stderr)
print("flushed", flush=True)
print(*[1, 2, 3], sep=", ")
print("a", "b", sep=None, end=None)
class W:
    def __init__(self): self.parts = []
    def write(self, s): self.parts.append(s)
w = W()
print("into", "obj", file=w, sep="+")
print(w.parts)
try:
    print("x", sep=5)
except TypeError as e:
    print(e)
try:
    print("x", file=5)
except AttributeError as e:
    print(e)
