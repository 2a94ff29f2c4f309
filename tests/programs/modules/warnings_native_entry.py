# warnings.warn/warn_explicit are builtins: stacklevel walks the caller frames,
# and a warning raised as an error shows no frame of the warnings module.
import warnings
def helper():
    warnings.warn("level2", UserWarning, stacklevel=2)
def outer():
    helper()
outer()
warnings.warn("level0", stacklevel=0)
warnings.warn("level9", stacklevel=9)
@warnings.deprecated("old func")
def old(): return 1
old()
print(warnings.warn, warnings.warn_explicit)
warnings.warn_explicit("explicit", UserWarning, "fake.py", 12)
try:
    warnings.warn("x", int)
except TypeError as e: print(e)
warnings.simplefilter("error")
def f():
    warnings.warn("in f")
f()
