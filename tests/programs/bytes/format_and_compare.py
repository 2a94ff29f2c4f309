print(b"%s %d %x %c" % (b"x", 5, 255, 65), b"%5s|" % b"ab", b"%r" % "s")
print(b"a" < b"b", b"abc" == b"abc", b"a" == "a", hash(b"abc") == hash(b"abc"))
print(sorted([b"b", b"a", b"ab"]), bytes.maketrans(b"a", b"z"), b"banana".translate(bytes.maketrans(b"a", b"o")))
print(b"abc".center(7, b"*"), b"ABC".lower(), b"a\tb".expandtabs(4), b"12".zfill(4), b"x".ljust(3, b"."))
print(b"hello world".title(), b"  a b  ".split(), b"line\nline2".splitlines(), b"abc".count(b"b"))
import sys
print(b"\xe2\x82\xac".decode("utf-8"), memoryview(b"abc")[1], bytes(memoryview(b"xy")))
