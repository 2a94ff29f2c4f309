import traceback, sys
try:
    import no_such_module_abc
except ModuleNotFoundError as e:
    print(e, e.name, type(e).__mro__[1].__name__)
try:
    from sys import no_such_name
except ImportError as e:
    print(e.name, e.msg if hasattr(e, "msg") else "")
    traceback.print_exc(file=sys.stdout)
try:
    from sys import argvv
except ImportError:
    traceback.print_exc(file=sys.stdout)
try:
    import os.nope
except ModuleNotFoundError as e:
    print(e)
