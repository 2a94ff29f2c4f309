# chr(): any int outside range(0x110000), however large, is a ValueError.
for a in [2**70, -2**70, 2**63, 2**31, -1, 0x110000, 0x10ffff, 0, 65, True, 1.5, '1', None]:
    try:
        print(repr(chr(a)))
    except Exception as e:
        print(type(e).__name__, e)
