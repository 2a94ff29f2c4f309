# An uncaught KeyboardInterrupt: traceback, then the process ends by SIGINT.
import signal

def work():
    print("working", flush=True)
    signal.raise_signal(signal.SIGINT)
    print("not reached")

try:
    work()
finally:
    print("finally ran", flush=True)
