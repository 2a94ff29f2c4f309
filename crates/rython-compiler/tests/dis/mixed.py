try:
    bytearray(b"xy")
except TypeError as e:
    print(e.args)
