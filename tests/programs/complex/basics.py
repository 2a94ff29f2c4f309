z = 3 + 4j
print(z, z.real, z.imag, abs(z), z.conjugate(), -z, z * 1j, z / 2, z ** 2)
print(complex(1, 2), complex("1+2j"), complex(" 3-4j "), complex(2), complex("j"), complex(1.5))
print(repr(complex(0, 0)), repr(complex(-0.0, -0.0)), repr(1j * 1j), complex("inf+nanj"))
print((1 + 2j) == (1 + 2j), (1 + 0j) == 1, hash(1 + 0j) == hash(1))
try:
    (1 + 2j) < (2 + 3j)
except TypeError as e:
    print(e)
try:
    complex("abc")
except ValueError as e:
    print(e)
try:
    1j / 0
except ZeroDivisionError as e:
    print(e)
print(format(1 + 2j, ".2f"), f"{3 - 4j:>12}")
