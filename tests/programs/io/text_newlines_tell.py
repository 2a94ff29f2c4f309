# TextIOWrapper.newlines, tell() after next(), and what open() refuses.
import os

fn = "/tmp/rython_io_text_newlines_tell.txt"
with open(fn, "wb") as f:
    f.write(b"a\nb\r\nc\rd\n")
with open(fn) as f:
    print(repr(f.newlines))
    print(repr(f.readline()), repr(f.newlines))
    print(repr(f.read()), repr(f.newlines))
with open(fn, newline="") as f:
    print(repr(f.read()), repr(f.newlines))
with open(fn, newline="\n") as f:
    print(repr(f.read()), repr(f.newlines))
for data in [b"x\n", b"x\r", b"x\r\n", b"x\ry\n", b"x\ny\r\n", b"x\r\ny\r", b""]:
    with open(fn, "wb") as f:
        f.write(data)
    with open(fn) as f:
        f.read()
        print(repr(data), repr(f.newlines))
with open(fn, "rb") as f:
    print(hasattr(f, "newlines"))
with open(fn, "w") as f:
    print(repr(f.newlines))

with open(fn, "w") as f:
    f.write("one\ntwo\nthree\n")
def tell(f):
    try:
        return f.tell()
    except OSError as e:
        return f"{type(e).__name__}: {e} {e.errno}"
with open(fn) as f:
    print(repr(next(f)), tell(f))
    print(repr(f.readline()), tell(f))
    f.seek(0)
    print("after seek", tell(f))
    next(f)
    try:
        f.seek(0, 1)
    except OSError as e:
        print("seek(0, 1):", e)
    f.seek(0, 2)
    print("after seek end", tell(f))
with open(fn) as f:
    for line in f:
        pass
    print("after loop", tell(f))
with open(fn) as f:
    print([line for line in f], tell(f))

for bad in ["a\x00b", b"a\x00b"]:
    try:
        open(bad)
    except ValueError as e:
        print(type(e).__name__, e)
for fd in [99999, 2**31, -1, -2**40, 2**70, 1.5]:
    try:
        open(fd)
    except (OSError, TypeError, ValueError) as e:
        print(type(e).__name__, e)
os.remove(fn)
