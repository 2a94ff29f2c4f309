# Append modes start at the end of the file: tell() is the size, read() ''.
import os

fn = "/tmp/rython_io_append_position.txt"
with open(fn, "w") as f:
    f.write("hello\n")
with open(fn, "a+") as f:
    print(f.tell(), repr(f.read()))
    f.write("more\n")
    print(f.tell())
    f.seek(0)
    print(repr(f.read()))
with open(fn, "ab") as f:
    print(f.tell(), f.mode, f.raw.mode)
    f.write(b"x")
    print(f.tell())
with open(fn, "ab", buffering=0) as f:
    print(f.tell(), type(f).__name__)
    f.seek(0)
    f.write(b"y")
    print(f.tell())
with open(fn, "a") as f:
    print(f.tell())
with open(fn, "ab+") as f:
    print(f.tell(), f.read())
    f.seek(0)
    print(f.read())
with open(fn, "a", encoding="utf-8") as f:
    f.write("é")
    print(f.tell())
print(os.path.getsize(fn))
os.remove(fn)
