# A SIGTERM handler that exits: SystemExit raised inside the handler.
import signal, sys

def on_term(signum, frame):
    print("terminating", signum == signal.SIGTERM, flush=True)
    sys.exit(3)

signal.signal(signal.SIGTERM, on_term)
try:
    signal.raise_signal(signal.SIGTERM)
finally:
    print("cleanup")
