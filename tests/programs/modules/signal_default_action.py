# SIG_DFL: the signal's default action ends the process (status -SIGTERM).
import signal
print("before", flush=True)
signal.signal(signal.SIGTERM, signal.SIG_DFL)
signal.raise_signal(signal.SIGTERM)
print("not reached")
