import sys
print(sys.float_repr_style, repr(sys.abiflags), sys.getswitchinterval())
sys.setswitchinterval(0.01); print(sys.getswitchinterval())
for v in (0, -1.0, "x"):
    try:
        sys.setswitchinterval(v)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
