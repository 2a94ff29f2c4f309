import os
path = "_tmp_builtins_open_files.txt"
with open(path, "w") as f:
    print(f.write("line one\n"), f.write("line two\n"))
with open(path, "a") as f:
    f.write("appended\n")
with open(path) as f:
    print(repr(f.read()))
with open(path) as f:
    print(f.readline(), end="")
    print(f.readlines())
with open(path) as f:
    print([line.rstrip() for line in f])
with open(path, "rb") as f:
    print(f.read(4), f.tell(), f.seek(0), f.read(2))
with open(path, "wb") as f:
    f.write(b"\x00\xffbin")
with open(path, "rb") as f:
    print(f.read())
f = open(path, encoding="latin-1")
print(f.read(), f.closed, f.mode, f.name)
f.close()
print(f.closed)
try:
    f.read()
except ValueError as e:
    print(e)
os.remove(path)
try:
    open(path)
except FileNotFoundError as e:
    print(e.errno, e.strerror, e.filename)
try:
    open(path, "z")
except ValueError as e:
    print(e)
