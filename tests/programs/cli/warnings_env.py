# PYTHONWARNINGS entries come before -W options in sys.warnoptions.
import sys, warnings
import _warn_helper
print(sys.warnoptions)
_warn_helper.emit("shown once by default", RuntimeWarning)
try:
    warnings.warn("error from env")
except UserWarning as e:
    print("raised", e)
warnings.warn("a deprecation in __main__", DeprecationWarning)
_warn_helper.emit("a deprecation elsewhere", DeprecationWarning)
