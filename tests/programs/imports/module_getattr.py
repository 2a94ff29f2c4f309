import _lazy_attr
print(_lazy_attr.static, _lazy_attr.dynamic, dir(_lazy_attr))
try:
    _lazy_attr.missing
except AttributeError as e:
    print(e)
from _lazy_attr import dynamic
print(dynamic)
