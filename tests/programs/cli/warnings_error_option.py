# -W error turns warnings into exceptions; later -W options win.
import sys, warnings
print(sys.warnoptions)
try:
    warnings.warn("as error")
except UserWarning as e:
    print("raised", repr(e))
warnings.warn("runtime ignored", RuntimeWarning)
print("still running")
warnings.warn("deprecated here", DeprecationWarning)
