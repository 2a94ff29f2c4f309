import sys
for s in (sys.stdin, sys.stdout, sys.stderr):
    print(s.encoding, s.errors)
print("caf\xe9 \u20ac")
print("to stderr \u20ac", file=sys.stderr)
