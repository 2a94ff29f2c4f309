# `from package import *` imports the submodules named in __all__
# (importlib's _handle_fromlist), and checks the names are str.
import sys
from starpkg import *
print(CONST, alpha.A, beta.__name__)
print(sorted(k for k in sys.modules if k.startswith("starpkg")))
print("gamma" in dir(sys.modules["starpkg"]))

try:
    from starbad import *
except TypeError as e:
    print("TypeError:", e)
try:
    __import__("starpkg", fromlist=["alpha", 3])
except TypeError as e:
    print("TypeError:", e)
m = __import__("starpkg", fromlist=["nosuch_module"])
print(m.__name__)
try:
    from starmiss import *
except AttributeError as e:
    print("AttributeError:", e)
