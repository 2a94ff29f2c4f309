ba = bytearray(b"hello")
ba[0] = 74
ba.append(33)
ba.extend(b"??")
print(ba, len(ba), ba.pop(), ba, ba.find(b"l"))
ba[1:3] = b"EE"
del ba[0]
print(ba, bytes(ba), ba.decode())
ba.insert(0, 65); ba.reverse(); print(ba)
ba.remove(ord("A")); print(ba)
ba2 = bytearray(3); ba2 += b"x"; print(ba2, ba2 * 2, bytearray("é", "utf-8"))
print(ba == bytes(ba), bytearray(b"b") > b"a", bytearray(b"abc").upper())
for bad in ["ba.__setitem__(0, 300)", "ba.remove(0)", "bytearray().pop()", "ba.__setitem__(0, 'x')"]:
    try:
        eval(bad)
    except Exception as e:
        print(type(e).__name__, e)
try:
    hash(ba)
except TypeError as e:
    print(e)
