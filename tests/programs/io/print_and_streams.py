import sys, io
print("a", "b", sep="-", end="!\n")
print(*range(5), sep=", ")
for i in range(3):
    sys.stdout.write(str(i))
print()
print("err line", file=sys.stderr)
print("after err")
print(file=None)
try:
    print("x", file=1)
except AttributeError as e:
    print(e)
try:
    sys.stdout.write(5)
except TypeError as e:
    print(e)
buf = io.StringIO()
print("captured", 42, file=buf)
print(repr(buf.getvalue()))
b = io.BytesIO()
b.write(b"abc"); b.seek(1); b.write(b"Z"); print(b.getvalue(), b.tell())
b.seek(0, 2); print(b.tell())
t = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", newline="\r\n")
t.write("x\ny\n"); t.flush(); print(t.buffer.getvalue())
r = io.TextIOWrapper(io.BytesIO(b"a\r\nb\rc\nd"))
print(r.readlines())
print(sys.stdin.readline() == "", input.__name__)
sys.stdout.flush()
print("end")
