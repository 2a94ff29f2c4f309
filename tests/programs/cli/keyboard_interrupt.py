import sys
print("interrupting")
sys.stdout.flush()
def handler():
    raise KeyboardInterrupt("stop")
handler()
