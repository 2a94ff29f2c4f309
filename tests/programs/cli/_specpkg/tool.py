print("_specpkg.tool", __name__, repr(__package__), __spec__.name)
