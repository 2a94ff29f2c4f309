class S(str):
    def __new__(cls, v):
        return super().__new__(cls, v.upper())
x = S("abc")
print(type(x).__name__, x, x + "d", type(x[0:2]).__name__, repr(x), str(x), type(str(x)).__name__)
class T(str):
    def __str__(self): return "custom"
t = T("q")
print(str(t), f"{t}", "{}".format(t), "%s" % t, format(t), t.__format__(""))
class B(bytes): pass
bb = B(b"xy")
print(type(bb).__name__, bb, bytes(bb), type(bb[0:1]).__name__, B.fromhex("41"), type(B.fromhex("41")).__name__)
class BA(bytearray): pass
print(BA(b"z"), repr(BA(b"zz")))
print(str(b"abc", "ascii"), str(b"\xff", "utf-8", "replace"), str(object="k"))
print(bytes("é", "utf-8"), bytearray("é", "latin-1"), bytes(range(3)), bytes([1, 2]), bytes((x for x in [65, 66])))
try:
    bytes([256])
except ValueError as e:
    print(e)
try:
    "é".encode("ascii")
except UnicodeEncodeError as e:
    print(e, e.encoding, e.start, e.end, e.reason, repr(e.object))
try:
    b"ab\xff".decode("ascii")
except UnicodeDecodeError as e:
    print(e, e.start, e.end)
print("".join(reversed("abc")), sorted("cba"), max("abc"), "abc".__len__(), "abc".__contains__("b"))
print("abc".__add__("d"), "ab".__mul__(2), "ab".__rmul__(2), "%s".__mod__(1), "x".__eq__("x"), "a".__lt__("b"))
print(f"{'nested {x}'!r} {1+1=} {'x'=!s:>5}")
print(f"{1234567.891:,.2f} {0.5:.0%} {255:08b} {-1:x} {3+4j:.1f}")
w, p = 10, 3
print(f"{3.14159:{w}.{p}f}|{'hi':^{w}}|")
print("a b".split(), "a\u3000b".split(), "  ".join(["x", "y"]), "x".ljust(3, "-") + "|")
d = {"name": "Ann", "age": 30}
print("{0[name]}".format(d), "%(name)s/%(age)03d" % d)
print(str.join(",", ["a", "b"]), str.upper("x"), bytes.upper(b"x"), bytearray.upper(bytearray(b"y")))
it = iter("hé")
print(next(it), next(it), list(it), list(iter(b"ab")), list(bytearray(b"cd")))
ba = bytearray(b"hello world")
ba[0:5] = b"HELLO"; del ba[5]; ba[-1] = ord("D"); ba.extend([33, 33]); ba.insert(0, 62)
print(ba, ba.pop(), ba.count(b"L"), ba.find(b"wor"), ba[::-2], len(ba))
ba *= 2; ba += bytearray(b"+"); print(ba)
print("Straße".casefold() == "STRASSE".casefold(), "ǅ".upper(), "ǅ".title(), "ﬁ".upper())
print("1,2,3".split(",", maxsplit=1), "a\tb".expandtabs(tabsize=4), "Hello".replace("l", "L", count=1))
print("%.3s|%-6.2f|%+05d|%x|%o|%e|%c" % ("abcdef", 3.14159, 42, 255, 8, 12345.678, 97))
print(hash("") == 0, hash(b"") == 0, "abc" < "abd" < "b", b"a" in b"cab", 97 in b"a")
print("{:>{w}}|{:<{w}}|".format("r", "l", w=4), "{!a}".format("ü"), "{0!s:^5}".format(1.5))
