import sys, io
p = "/tmp/rython_io_files_y.txt"
f = open(p, "w"); f.writelines(["a\n", "b\n"]); f.close()
try: f.write("x")
except ValueError as e: print(e)
f = open(p, "a"); f.write("c\n"); print(f.tell()); f.close()
with open(p, "r+") as f:
    print(f.readline(), end=""); f.seek(0); f.write("Z"); f.seek(0); print(repr(f.read()))
with open(p) as f:
    for i, line in enumerate(f): print(i, repr(line))
    f.seek(0); print(f.read(2), f.tell())
with open(p, "rb") as f: print(f.readlines())
with open(p, "wb") as f: print(f.write(b"\xff\xfe"), f.mode, f.name, f.writable(), f.readable())
try:
    with open(p) as f: f.read()
except UnicodeDecodeError as e: print(e)
with open(p, encoding="latin-1") as f: print(f.read(), f.encoding)
with open(p, errors="replace") as f: print(repr(f.read()))
try: print("x", file=1)
except AttributeError as e: print(e)
class W:
    def write(self, s): sys.stdout.write(s.upper())
print("hi", "there", file=W())
print(open(p, "rb", buffering=0))
try: open(p, "r", buffering=0)
except ValueError as e: print(e)
try: open(p, "rb", encoding="utf-8")
except ValueError as e: print(e)
try: open(p, newline="x")
except ValueError as e: print(e)
f = open(p); f.close(); print(repr(f)); 
print(io.open is open)
print(io.BytesIO(b"x").read(), io.StringIO("abc").read(2))
s = io.StringIO(); print("a", "b", file=s); print(repr(s.getvalue()))
with io.StringIO("q") as s: pass
print(s.closed)
try: s.getvalue()
except ValueError as e: print(e)
class MyIO(io.StringIO):
    def write(self, s): return super().write(s * 2)
m = MyIO(); m.write("ab"); print(m.getvalue())
print(sys.stdout.fileno(), sys.stdin.fileno(), sys.stdout.mode, sys.stdin.name)
print(isinstance(sys.stdout, io.TextIOBase), isinstance(io.BytesIO(), io.BufferedIOBase))
x = open(p, "w", encoding="ascii")
try: x.write("é")
except UnicodeEncodeError as e: print(e)
print(x.errors)
