print("pkg.sub.mod running, __package__ =", __package__)
def hello():
    return "hello from pkg.sub.mod"
from .. import top_value as parent_value
from . import sibling
from .sibling import SIB
