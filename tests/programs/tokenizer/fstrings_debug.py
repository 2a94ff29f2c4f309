a, b = 3, 4
print(f"{a + b = }")
print(f"{a*b=}")
print(f"{'s'=}")
print(f"{a=!s}")
print(f"{3.0=:.2f}")
print(f"{ a = }")
