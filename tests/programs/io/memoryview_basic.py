m=memoryview(b"abcdef")
print(m[1], m[1:4].tobytes(), m[::2].tolist(), len(m), m.nbytes, m.readonly, m.format, m.itemsize, m.ndim, m.shape, m.strides, m.obj, m.hex(), m == b"abcdef", m[::-1].tobytes(), m[1:4].strides)
for f in (lambda: m[10], lambda: memoryview(1), lambda: m.__setitem__(0, 1)):
    try: f()
    except Exception as e: print(type(e).__name__, e)
m.release()
try: len(m)
except ValueError as e: print(e)
b = bytearray(b"xyz"); v = memoryview(b); v[0] = 65; v[1:3] = b"BC"; print(b, v.readonly)
try: v[0] = 300
except ValueError as e: print(e)
with memoryview(b"q") as w: print(w[0])
print(repr(memoryview(b""))[:12])
import io
bio = io.BytesIO(); bio.write(memoryview(b"mv")); print(bio.getvalue())
