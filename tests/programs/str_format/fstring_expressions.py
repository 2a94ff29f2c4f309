items = {"a": 1, "b": 2}
width = 6
print(f"{len(items)} items: {', '.join(f'{k}={v}' for k, v in items.items())}")
print(f"{'yes' if items else 'no'}", f"{items['a'] + 10:>{width}}", f"{[1, 2][-1]}")
import math
print(f"{math.pi:.{width - 2}f}", f"{2**10:,}", f"{'a' * 3}", f"{-5:+}", f"{5:+}")
x = 10
print(f"{x!r:^{width}}|", f"{x:{'<' if x > 5 else '>'}{width}}|")
print(f"{3.0!s}", f"{'é'!a}", f"{'multi' 'part'}")
print(F"{x}" f"{x}" "plain" f"{{x}}")
