try:
    raise KeyError("context")
except KeyError:
    try:
        raise OSError("cause")
    except OSError as cause:
        raise RuntimeError("final") from cause
