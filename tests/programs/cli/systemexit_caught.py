import sys
try:
    sys.exit(9)
except SystemExit as e:
    print("caught SystemExit", e.code, type(e.code).__name__)
print("continuing, then normal exit")
