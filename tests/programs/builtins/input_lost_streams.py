# input() needs sys.stdin and sys.stdout; readline() must return str.
import sys

saved_in, saved_out = sys.stdin, sys.stdout
sys.stdin = None
try:
    input()
except RuntimeError as e:
    print(e)
sys.stdin = saved_in
sys.stdout = None
try:
    input("prompt")
except RuntimeError as e:
    print(e, file=sys.stderr)
sys.stdout = saved_out
del sys.stdin
try:
    input()
except RuntimeError as e:
    print(e)

class BadLine:
    def readline(self):
        return 5
sys.stdin = BadLine()
try:
    input()
except TypeError as e:
    print(type(e).__name__, e)

class Lines:
    def __init__(self):
        self.lines = ["first\n", "no newline", ""]
    def readline(self):
        return self.lines.pop(0)
sys.stdin = Lines()
print(repr(input("p> ")))
print(repr(input()))
try:
    input("last> ")
except EOFError as e:
    print("EOFError", e)
