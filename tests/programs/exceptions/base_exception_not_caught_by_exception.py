import sys
try:
    try:
        raise KeyboardInterrupt
    except Exception:
        print("wrong: caught by Exception")
except BaseException as e:
    print("BaseException caught", type(e).__name__)
try:
    sys.exit(2)
except Exception:
    print("wrong")
except SystemExit as e:
    print("SystemExit", e.code)
try:
    raise GeneratorExit
except Exception:
    print("wrong")
except GeneratorExit:
    print("GeneratorExit is BaseException")
