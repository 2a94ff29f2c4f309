from _star_all import *
print(public_a, _exported_private)
try:
    print(public_b)
except NameError as e:
    print(e)
from _star_noall import *
print(visible, func())
try:
    _hidden
except NameError as e:
    print(e)
