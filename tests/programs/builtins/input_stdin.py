name = input()
print("hello", name)
n = int(input("number? "))
print(n * 2)
import sys
rest = sys.stdin.read()
print(repr(rest))
try:
    input()
except EOFError as e:
    print("EOFError", repr(e))
