value = 3.14159
width, prec = 10, 3
print(f"[{value:{width}.{prec}f}]")
print(f"[{value:>{width}.{prec}}]")
print(f"[{'s':{'^'}{width}}]")
print(f"[{value!r:^{width + 6}}]")
fmt = ".2e"
print(f"{value:{fmt}}", f"{12345:{','}}", f"{255:{'#x'}}")
print(f"{f'{value:.1f}':>8}|")
print(f"{'{'}{'}'}", f"{{{value:.0f}}}")
