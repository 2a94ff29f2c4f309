# The default filters: DeprecationWarning shown only from __main__.
import warnings
import _warn_helper
for f in warnings.filters:
    print(f)
warnings.warn("main deprecation", DeprecationWarning)
_warn_helper.emit("helper deprecation", DeprecationWarning)
_warn_helper.emit("helper pending", PendingDeprecationWarning)
_warn_helper.emit("helper user")
warnings.resetwarnings()
_warn_helper.emit("after reset", DeprecationWarning)
