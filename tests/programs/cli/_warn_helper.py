import warnings

def emit(msg, category=UserWarning):
    warnings.warn(msg, category, stacklevel=1)
