vals = [0, 1, -1, 42, -42, 1234567, 2 ** 64]
for v in vals:
    print(f"{v:d}|{v:5}|{v:<6}|{v:^7}|{v:+}|{v: }|{v:x}|{v:#b}|{v:,}|{v:_x}|{v:e}|{v:%}|{v:.2f}")
fvals = [0.0, -0.0, 1.5, -2.25, 1e10, 1.23456789e-7, float("inf"), float("nan")]
for v in fvals:
    print(f"{v}|{v:g}|{v:.3}|{v:10.2e}|{v:<10.1%}|{v:+.1f}|{v:e}|{v:G}|{v:n}|{v:015.4f}")
