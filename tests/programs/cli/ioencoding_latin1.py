import sys
for s in (sys.stdin, sys.stdout, sys.stderr):
    print(s.encoding, s.errors)
print("caf\xe9")
sys.stdout.flush()
print("caf\u20ac")
