import sys, os
spec = __spec__
print(__name__, repr(__package__), type(spec).__name__, spec.name, repr(spec.parent))
print(spec.origin == __file__ == sys.argv[0] == os.path.join(os.getcwd(), "_cli_spec.py"))
print(spec.submodule_search_locations, spec.has_location, sys.argv[1:])
print(sys.modules["__main__"] is sys.modules[__name__], "_cli_spec" in sys.modules)
