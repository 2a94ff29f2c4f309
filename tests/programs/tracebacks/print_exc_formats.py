import traceback
def bad():
    return [1][2]
try:
    bad()
except IndexError:
    print(traceback.format_exc(), end="")
    lines = traceback.format_exception_only(*__import__("sys").exc_info()[:2])
    print(lines)
try:
    raise ValueError("x")
except ValueError as e:
    print("".join(traceback.format_exception(e)), end="")
