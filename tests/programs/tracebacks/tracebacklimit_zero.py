import sys
def f(): return 1/0
def g(): return f()
sys.tracebacklimit = 0
g()
