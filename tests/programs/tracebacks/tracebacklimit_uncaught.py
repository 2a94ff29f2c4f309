import sys
def f(): return 1/0
def g():
  try: f()
  except Exception as e: raise ValueError from e
sys.tracebacklimit = 1
g()
