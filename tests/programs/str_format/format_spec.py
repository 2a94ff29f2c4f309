n = 1234567.891
print(f"{n:,.2f}|{n:_.1f}|{n:>20,.3f}|{n:<+15.1e}|{n:^20.4g}|")
print(f"{42:=+8d}|{-42:=8}|{42:08d}|{42:#010x}|{42:c}|{255:X}|{255:#X}|")
print(f"{0.25:.1%}|{1/3:.5}|{1/3:g}|{1e6:g}|{1e-7:G}|{123456789:e}|")
print(f"{'text':.2}|{'pad':_>6}|{'x':^5}|{'a':<3}|{'abc':>2}|")
print(f"{True:d}|{3:.2f}|{2.5:%}|{1e100:.3g}|{float('nan'):+f}|{-0.0:g}|")
print(format(1234, "n"), format(-1.5, "0=8.2f"), format(12345678, ",d"), format(0, "b"), format(-7, "b"))
for spec in ["z", ".2d", ",s", "=s", "+s"]:
    try:
        format("str" if spec != ".2d" else 5, spec)
    except ValueError as e:
        print(e)
