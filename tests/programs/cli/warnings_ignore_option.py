# -W ignore silences every warning; the default filters follow it.
import sys, warnings
import _warn_helper
warnings.warn("nobody sees this")
_warn_helper.emit("nor this")
print(sys.warnoptions, warnings.filters[0])
print(len(warnings.filters))
