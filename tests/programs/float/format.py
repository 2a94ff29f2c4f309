x = 1234.5678
print(format(x, ".2f"), format(x, "e"), format(x, ".3g"), format(x, "10.1f"), format(x, "<12,.2f"), format(x, "+.0f"))
print(format(0.5, "%"), format(1e-10, "g"), format(1e16, "g"), format(float("inf"), "f"), format(-0.0, ".1f"))
print("%.3f %e %g %10.2f %-8.1f|" % (x, x, x, x, x))
print(f"{x:_.2f}", f"{x:015.3f}", f"{x:.0e}", f"{2.0:g}", f"{1e-4:.2g}")
