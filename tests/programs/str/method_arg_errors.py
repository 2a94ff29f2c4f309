for call in ['"a".find()', '"a".find(1,2,3,4)', '"a".find("a", x=1)', 'b"a".count()', 'b"a".replace(b"a")', 'bytearray(b"a").insert()', 'bytearray(b"a").pop(1, 2)', 'str.maketrans()', 'bytes.maketrans(b"a")', 'bytes.fromhex()', '"a".upper(1)', '"a".startswith()']:
    try: print(call, eval(call))
    except TypeError as e: print(call, "TypeError:", e)
