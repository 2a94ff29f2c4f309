b = b"hello\x00\xff"
print(b, len(b), b[0], b[-1], b[1:3], list(b[:3]), b"a" * 3, b"a" + b"b")
print(bytes(3), bytes([65, 66]), bytes("é", "utf-8"), bytes(range(3)), bytes.fromhex("de ad be ef"))
print(b.hex(), b.hex(":"), b"abc".upper(), b" x ".strip(), b"a,b".split(b","), b"-".join([b"a", b"b"]))
print(b"abc".find(b"c"), b"abc".replace(b"b", b"B"), b"abc".startswith(b"a"), 98 in b"abc", b"bc" in b"abc")
print(repr(b"'"), repr(b"\"'"), repr(b"\t\n\r\\"), b"abc".decode(), b"x".isalpha())
for bad in ["bytes([256])", "bytes('s')", "b'a' + 'b'", "bytes(-1)", "b'abc'[5]"]:
    try:
        eval(bad)
    except Exception as e:
        print(type(e).__name__, e)
