m = memoryview(b"abcdef")
print(m[0], m[-1], bytes(m[1:3]), m.tobytes(), len(m), m.readonly, m.nbytes, m.format, m.itemsize)
ba = bytearray(b"xyz")
mv = memoryview(ba)
mv[0] = ord("X")
print(ba, mv.tolist(), bytes(mv[::2]))
try:
    m[0] = 1
except TypeError as e:
    print(e)
