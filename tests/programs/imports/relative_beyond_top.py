try:
    import pkg.bad_relative
except ImportError as e:
    print(type(e).__name__, e)
