print(0o777, 0b0, 0x0, 00000, 0_0_0, 1_2_3.4_5e1_0, 1e-0, 0e5, .0, 0.)
print(999999999999999999999999999999999999999 + 1, -2 ** 2, (-2) ** 2, 2 ** -2, 10 % 3 ** 2)
print(1 if 0 else 2 if 0 else 3, not 1 == 2, -1 ** 0.5 if False else "skip")
print(0xFFFF_FFFF_FFFF_FFFF_FFFF, 1_0j, 1e1j)
