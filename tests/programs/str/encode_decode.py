s = "café €"
b = s.encode()
print(b, b.decode(), s.encode("latin-1", "replace"), s.encode("ascii", "ignore"), s.encode("ascii", "xmlcharrefreplace"))
print(s.encode("utf-16-le")[:6], s.encode("ascii", "backslashreplace"))
try:
    s.encode("ascii")
except UnicodeEncodeError as e:
    print(e)
try:
    b"\xff".decode("utf-8")
except UnicodeDecodeError as e:
    print(e)
print(b"\xff".decode("utf-8", "replace"), b"\xffa".decode("latin-1"), b"a\xffb".decode("utf-8", "surrogateescape").encode("utf-8", "surrogateescape"))
