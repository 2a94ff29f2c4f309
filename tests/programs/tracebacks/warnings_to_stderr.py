import warnings
warnings.warn("be careful")
warnings.warn("deprecated thing", DeprecationWarning)
def f():
    warnings.warn("in function", UserWarning, stacklevel=1)
f()
print("done")
