import importlib
m = importlib.import_module("pkg.sub.sibling")
print(m.SIB)
rel = importlib.import_module(".sibling", "pkg.sub")
print(rel is m)
print(type(m).__name__, m.__spec__.name, m.__spec__.parent)
import types
dyn = types.ModuleType("dyn", "doc of dyn")
dyn.x = 1
print(dyn.__name__, dyn.__doc__, dyn.x, repr(dyn))
