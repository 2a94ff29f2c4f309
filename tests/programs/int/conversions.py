print(int("42"), int("-0x1f", 16), int("0b101", 0), int("z", 36), int(" 12 "), int("1_000"))
print(int(3.99), int(-3.99), int(True), int("0o17", 8), int("0", 0))
print(int.from_bytes(b"\x01\x00", "big"), int.from_bytes(b"\x01\x00", "little"), (1024).to_bytes(2, "big"))
print((-1).to_bytes(2, "big", signed=True), int.from_bytes(b"\xff\xff", "big", signed=True))
print(str(255), repr(-7), hex(255), oct(8), bin(5), format(255, "x"))
for bad in ["abc", "1.5", "", "0x", "1__0"]:
    try:
        int(bad)
    except ValueError as e:
        print(e)
try:
    int("12", 1)
except ValueError as e:
    print(e)
try:
    int(None)
except TypeError as e:
    print(e)
