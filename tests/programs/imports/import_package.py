import pkg.sub.mod
print(pkg.sub.mod.hello(), pkg.top_value, pkg.sub.mod.parent_value)
print(pkg.sub.mod.sibling.SIB, pkg.sub.mod.SIB)
import pkg.sub.mod as m
print(m is pkg.sub.mod, m.__name__, m.__package__)
from pkg.sub import mod
print(mod is m)
from pkg import helpers
print(helpers.combined())
