import io
b = bytearray(4)
print(io.BytesIO(b"abcdef").readinto(b), b)
with open("/tmp/rython_io_ri.bin", "wb") as f: f.write(b"0123456789")
with open("/tmp/rython_io_ri.bin", "rb") as f:
    b = bytearray(3); print(f.readinto(b), b, f.read(2))
    m = memoryview(bytearray(4)); print(f.readinto(m), m.tobytes())
with open("/tmp/rython_io_ri.bin", "rb", buffering=0) as f:
    b = bytearray(20); print(f.readinto(b), bytes(b[:10]))
try: io.BytesIO(b"x").readinto(b"yy")
except TypeError as e: print(e)
