def __getattr__(name):
    if name == "dynamic":
        return "computed lazily"
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
def __dir__():
    return ["dynamic", "static"]
static = "static"
