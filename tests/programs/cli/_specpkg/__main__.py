import sys
print(__name__, repr(__package__), __spec__.name, repr(__spec__.parent))
print(__spec__.origin == __file__ == sys.argv[0], __file__.endswith("_specpkg/__main__.py"))
print(sorted(k for k in sys.modules if k.startswith("_specpkg")))
