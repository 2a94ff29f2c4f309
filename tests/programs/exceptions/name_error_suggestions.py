import sys
def report():
    import traceback
    traceback.print_exc(file=sys.stdout)
variable_one = 1
try:
    print(variable_onr)
except NameError as e:
    print(e, "|", e.name)
    report()
def f():
    local_thing = 1
    return local_thinh
try:
    f()
except NameError:
    report()
try:
    pritn("x")
except NameError:
    report()
class C:
    def m(self):
        self.value = 1
        return value
try:
    C().m()
except NameError:
    report()
