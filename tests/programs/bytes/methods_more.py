b = b"Hello, World"
print(b.lower(), b.swapcase(), b.split(b", "), b.partition(b","), b.rfind(b"o"), b.index(b"W"))
print(b.isalnum(), b"abc".isalnum(), b"123".isdigit(), b"  ".isspace(), b"Title".istitle(), b"UP".isupper())
print(b.removeprefix(b"Hello"), b.removesuffix(b"World"), b.rstrip(b"dl"), b.lstrip(b"eH"), b.count(b"l"))
print(bytes.fromhex("00ff"), b"\x00\xff".hex("-", 1), b"abc"[::-1], b"abc" * 0, list(b"\x01\x02"))
print(b"a b c".replace(b" ", b""), b"x".join([b"1", b"2", b"3"]), b"%b and %s" % (b"bytes", b"more"))
try:
    b"abc".index(b"z")
except ValueError as e:
    print(e)
try:
    b"%d" % "x"
except TypeError as e:
    print(e)
