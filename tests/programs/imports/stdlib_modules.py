import math, sys, os.path, collections.abc
from os import path as p
import json
print(math.__name__, sys.__name__, os.path is p, collections.abc.Sequence.__name__)
print(json.dumps({"a": [1, 2.5, None, True]}, sort_keys=True), json.loads('{"x": [1, "y"]}'))
print("math" in sys.modules, type(sys).__name__)
