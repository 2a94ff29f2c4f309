import sys
def inner():
    f = sys._getframe(1)
    return f.f_code.co_name, f.f_lineno, f.f_back.f_code.co_name
def outer():
    return inner()
print(outer())
print(sys._getframe().f_code.co_name, sys._getframe().f_back)
try:
    sys._getframe(50)
except ValueError as e:
    print(e)
