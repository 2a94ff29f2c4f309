for name in ["nope_mod", "pkg.nope", "nspkg.nope"]:
    try:
        __import__(name)
    except ModuleNotFoundError as e:
        print(type(e).__name__, e, "| name =", e.name)
try:
    from pkg import nope_name
except ImportError as e:
    print(type(e).__name__, e.name)
