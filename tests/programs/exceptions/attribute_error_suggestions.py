import sys, traceback
class Config:
    def __init__(self):
        self.timeout = 5
        self.retries = 3
c = Config()
for expr in ["c.timout", "c.retrys", "c.xyz", "'s'.uper()", "[].apend(1)", "sys.argvv", "(1).real_part"]:
    try:
        eval(expr)
    except AttributeError:
        traceback.print_exc(file=sys.stdout)
