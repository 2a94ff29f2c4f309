import sys, io
p = "/tmp/rython_io_unclosed.txt"
open(p, "w").write("dropped ok\n")
print(open(p).read(), end="")
def f():
    g = open(p, "a")
    g.write("local ok\n")
f()
print(open(p).read(), end="")
keep = open(p, "a")
keep.write("global\n")
print("a")
sys.stdout = io.StringIO()
print("hidden")
sys.__stdout__.write("via __stdout__\n")
