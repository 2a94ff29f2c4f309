import sys
sys.stdout.write("a")
sys.stdout.write("b\n")
sys.stderr.write("err line\n")
print(sys.stdout.write(""), sys.stdout.name if hasattr(sys.stdout, "name") else "", sys.stderr.name)
sys.stdout.flush()
print(sys.stdout is sys.__stdout__, sys.stdin.name)
old = sys.stdout
class Capture:
    def __init__(self): self.data = []
    def write(self, s): self.data.append(s); return len(s)
    def flush(self): pass
cap = Capture()
sys.stdout = cap
print("captured", 1)
sys.stdout = old
print(cap.data)
print(sys.stdout.encoding, sys.stdout.errors, sys.stdin.encoding)
