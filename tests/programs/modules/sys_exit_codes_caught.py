import sys
for arg in [0, 1, "msg", None, (1, 2)]:
    try:
        sys.exit(arg)
    except SystemExit as e:
        print(repr(e.code), repr(e), e.args)
