for e in ["strict","ignore","replace","backslashreplace","bogus"]:
    for enc,data in [("utf-8",b"a\xffb"),("utf-16-le",b"a\x00\x00\xd8"),("unicode_escape",b"a\\x4")]:
        try: print(e, enc, repr(data.decode(enc, e)))
        except Exception as x: print(e, enc, type(x).__name__, x)
