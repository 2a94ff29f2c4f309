from .sub.mod import hello
from . import top_value
def combined():
    return hello() + " / " + top_value
