import sys
print("out 1")
print("err 1", file=sys.stderr)
print("out 2")
print(sys.flags.unbuffered if hasattr(sys.flags, "unbuffered") else "n/a")
