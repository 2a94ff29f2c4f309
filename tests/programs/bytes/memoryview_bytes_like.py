# memoryview is accepted wherever CPython takes a bytes-like object.


def t(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "->", type(e).__name__, e)
    else:
        print(label, "->", repr(r))


# Slice assignment from a view (the result keeps the tail).
ba = bytearray(b'abcde'); ba[0:1] = memoryview(b'XY'); print(ba)
ba = bytearray(b'abcde'); ba[1:3] = memoryview(b'XYZW')[1:3]; print(ba)
ba = bytearray(b'abcde'); ba[0:1] = memoryview(b'XYZW')[::2]; print(ba)
ba = bytearray(b'abcde'); ba[0:5] = memoryview(b'XY'); print(ba)
ba = bytearray(b'abcde'); ba[::2] = memoryview(b'123'); print(ba)
ba = bytearray(b'abcde'); ba[:] = memoryview(b'abcd').cast('H'); print(ba)

m = memoryview(b'b')
t("bytes + view", lambda: b'a' + m)
t("bytearray + view", lambda: bytearray(b'a') + m)
t("bytes + cast view", lambda: b'a' + memoryview(b'abcd').cast('H'))
t("bytes + strided view", lambda: b'a' + memoryview(b'abcd')[::2])
t("bytearray + strided view", lambda: bytearray(b'a') + memoryview(b'abcd')[::2])


def iadd():
    b = bytearray(b'abc')
    b += memoryview(b'de')
    return b


t("bytearray += view", iadd)


def extend():
    b = bytearray(b'abc')
    b.extend(memoryview(b'de'))
    return b


t("extend(view)", extend)


def extend_strided():
    b = bytearray(b'abc')
    b.extend(memoryview(b'defg')[::2])
    return b


t("extend(strided view)", extend_strided)

t("join", lambda: b'-'.join([memoryview(b'c'), b'd', bytearray(b'e')]))
t("bytearray join", lambda: bytearray(b'-').join([memoryview(b'c')]))
t("join strided", lambda: b'-'.join([memoryview(b'cd')[::2]]))
t("join str", lambda: b'-'.join([b'a', 'b']))
t("%s", lambda: b'%s' % memoryview(b'x'))
t("%b", lambda: b'%b' % (memoryview(b'xy'),))
t("%s cast", lambda: b'%s' % memoryview(b'abcd').cast('H'))
t("%c view", lambda: b'%c' % memoryview(b'a'))
t("%c bytearray", lambda: b'%c' % bytearray(b'a'))
t("find", lambda: b'abcd'.find(memoryview(b'c')))
t("rfind", lambda: bytearray(b'abcdc').rfind(memoryview(b'c')))
t("count", lambda: b'abcdc'.count(memoryview(b'c')))
t("index", lambda: b'abcd'.index(memoryview(b'cd')))
t("rindex", lambda: b'abcd'.rindex(memoryview(b'x')))
t("find strided", lambda: b'abcd'.find(memoryview(b'abcd')[::2]))
t("in", lambda: memoryview(b'bc') in b'abcd')
t("in bytearray", lambda: memoryview(b'x') in bytearray(b'abcd'))
t("startswith", lambda: b'abcd'.startswith(memoryview(b'ab')))
t("endswith tuple", lambda: b'abcd'.endswith((b'x', memoryview(b'cd'))))
t("startswith strided", lambda: b'abcd'.startswith(memoryview(b'abcd')[::2]))
t("startswith str", lambda: b'abcd'.startswith('a'))
t("replace", lambda: b'abcd'.replace(memoryview(b'b'), memoryview(b'X')))
t("split", lambda: b'a,b'.split(memoryview(b',')))
t("rsplit", lambda: bytearray(b'a,b,c').rsplit(memoryview(b','), 1))
t("partition", lambda: [type(x).__name__ for x in b'a,b'.partition(memoryview(b','))])
t("partition bytes", lambda: bytearray(b'a,b').partition(memoryview(b',')))
t("rpartition", lambda: b'a,b,c'.rpartition(bytearray(b',')))
t("strip", lambda: b'xax'.strip(memoryview(b'x')))
t("lstrip", lambda: bytearray(b'xax').lstrip(memoryview(b'x')))
t("removeprefix", lambda: b'xax'.removeprefix(memoryview(b'x')))
t("removesuffix", lambda: bytearray(b'xax').removesuffix(memoryview(b'ax')))
t("maketrans", lambda: bytes.maketrans(memoryview(b'a'), memoryview(b'b'))[97:99])
t("translate", lambda: b'abc'.translate(None, memoryview(b'b')))
t("translate table", lambda: b'abc'.translate(memoryview(bytes.maketrans(b'a', b'z'))))
t("center", lambda: b'abc'.center(7, memoryview(b'*')))
t("center bytearray", lambda: b'abc'.center(7, bytearray(b'*')))
t("str()", lambda: str(memoryview(b'bc'), 'ascii'))
t("str() strided", lambda: str(memoryview(b'bcd')[::2], 'ascii'))
t("float()", lambda: float(memoryview(b'7')))
t("float() slice", lambda: float(memoryview(b'1.5')[:2]))
t("float() strided", lambda: float(memoryview(b'1.5')[::2]))
t("int()", lambda: int(memoryview(b'12')))
t("int() slice", lambda: int(memoryview(b'123456')[1:3]))
t("int() bad", lambda: int(memoryview(b'x')))
t("int() bytearray bad", lambda: int(bytearray(b'y')))
t("int() base", lambda: int(memoryview(b'12'), 16))
t("int() strided", lambda: int(memoryview(b'123')[::2]))
t("bytes()", lambda: bytes(memoryview(b'abcd')[::2]))
t("bytearray()", lambda: bytearray(memoryview(b'abcd').cast('H')))
t("decode error object", lambda: UnicodeDecodeError('utf-8', memoryview(b'ab'), 0, 1, 'x').object)
t("from_bytes", lambda: int.from_bytes(memoryview(b'\x01\x02'), 'big'))
t("released", lambda: b'a' + memoryview(b'b').__enter__().__exit__(None, None, None))


def released():
    v = memoryview(b'b')
    v.release()
    return b'a'.find(v)


t("released find", released)

# Comparisons: bytes compares only with bytes, bytearray with any buffer.
t("bytes == view", lambda: b'a' == memoryview(b'a'))
t("view == bytearray", lambda: memoryview(b'a') == bytearray(b'a'))
t("bytearray == view", lambda: bytearray(b'a') == memoryview(b'a'))
t("bytearray < view", lambda: bytearray(b'a') < memoryview(b'b'))
t("bytes < view", lambda: b'a' < memoryview(b'b'))
t("bytes < bytearray", lambda: b'a' < bytearray(b'b'))
t("bytearray == strided", lambda: bytearray(b'ac') == memoryview(b'abc')[::2])
