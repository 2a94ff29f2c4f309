s = "Hello, World"
print(s.upper(), s.lower(), s.split(", "), s[::-1], s[1:5], len(s))
print("%s is %d years and %.2f%%" % ("Bob", 42, 99.5))
print("{0} {name} {0!r:>8}".format("x", name="y"))
print(f"{3.14159:.2f} {'a'!r} {42:#x} {s:*^20}")
print(b"abc" + b"def", bytearray(b"xy") * 2, b"a,b".split(b","))
print(repr("it's"), ascii("é"), str(b"ab", "utf-8"))
ba = bytearray(b"hello"); ba[0] = 72; ba.append(33); ba += b"?"; print(ba)
print("a-b-c".rsplit("-", 1), "x".join(["1","2"]), "  pad ".strip())
print("ß".upper(), "ǅ".lower(), "hello world".title())
try:
    "a" + 1
except TypeError as e:
    print(e)
try:
    b"\xff".decode()
except UnicodeDecodeError as e:
    print(e)
try:
    "é".encode("ascii")
except UnicodeEncodeError as e:
    print(e, e.start, e.end, e.reason)
class S(str):
    pass
x = S("abc")
print(type(x).__name__, x.upper(), type(x + "d").__name__, x == "abc", hash(x) == hash("abc"))
print(format(1234.5, ",.1f"), format("x", ">3"), format(True, "d"))
print(list("héllo"), list(b"ab"), sorted({"b", "a"}))
print("%(a)s-%(b)05.1f" % {"a": 1, "b": 2.25})
print(str(), bytes(3), bytearray([1,2]), bytes.fromhex("41 42"), b"AB".hex(":"))
print("abc".encode(), "x".center(5, "*"), "tab\there".expandtabs(4))
print("a\nb\r\nc".splitlines(keepends=True))
print(str.maketrans("ab", "xy"), "abc".translate(str.maketrans("ab", "xy", "c")))
print("{:{}}|".format("a", 5), "{0[k]}".format({"k": 3}), "{0.real}".format(5))
print(" ".join(map(str, range(3))), "x" * 3, 3 * "y", "ab" in "cabd")
for c in "hé": print(c, ord(c))
print(int.__format__(5, "03"), "a".__format__(">2"), 2.5.__format__(""))
