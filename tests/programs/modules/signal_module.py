# The signal module: enums, handler table, raise_signal and Python handlers.
import signal

print(signal.getsignal(signal.SIGINT) is signal.default_int_handler)
print(repr(signal.SIGINT), signal.SIGINT == 2, str(signal.SIGTERM), int(signal.SIGTERM))
print(repr(signal.SIG_DFL), repr(signal.SIG_IGN), signal.NSIG)
print(repr(signal.Signals(6)), repr(signal.Signals(17)), repr(signal.SIGIOT))
print(signal.Signals.__module__, signal.Handlers.__name__, list(signal.Signals)[:3])
print(repr(signal.getsignal(signal.SIGTERM)), repr(signal.getsignal(signal.SIGPIPE)))
print(signal.strsignal(signal.SIGINT), signal.strsignal(15), signal.strsignal(40), signal.strsignal(32))
print(signal.SIGALRM in signal.valid_signals(), len(signal.valid_signals()))
print(signal.SIGUSR1, signal.SIGRTMIN, signal.SIGRTMAX)

got = []
def handler(signum, frame):
    got.append((signum, type(frame).__name__, frame.f_code.co_name))

old = signal.signal(signal.SIGUSR1, handler)
print("old", repr(old))
def fire():
    signal.raise_signal(signal.SIGUSR1)
    return "after"
print(fire(), got)
print(signal.getsignal(signal.SIGUSR1) is handler)
print(repr(signal.signal(signal.SIGUSR1, signal.SIG_IGN)) == repr(handler))
signal.raise_signal(signal.SIGUSR1)
print("ignored", len(got))
print(repr(signal.signal(signal.SIGUSR1, signal.SIG_DFL)))
print(repr(signal.getsignal(signal.SIGUSR1)))

# A handler that raises: the exception comes out of raise_signal.
def boom(signum, frame):
    raise ValueError(f"signal {signum}")
signal.signal(signal.SIGUSR2, boom)
try:
    signal.raise_signal(signal.SIGUSR2)
except ValueError as e:
    print("raised", e)

# SIGINT raises KeyboardInterrupt; finally blocks run.
try:
    try:
        signal.raise_signal(signal.SIGINT)
    finally:
        print("finally ran")
except KeyboardInterrupt as e:
    print("caught", repr(e))

try:
    signal.default_int_handler(2, None)
except KeyboardInterrupt as e:
    print("default_int_handler", repr(e))

for bad in [
    lambda: signal.signal(signal.SIGKILL, signal.SIG_IGN),
    lambda: signal.signal(100, signal.SIG_IGN),
    lambda: signal.signal(0, handler),
    lambda: signal.signal(signal.SIGTERM, 5),
    lambda: signal.signal(signal.SIGTERM, "x"),
    lambda: signal.signal("2", handler),
    lambda: signal.signal(2**40, handler),
    lambda: signal.getsignal(0),
    lambda: signal.getsignal(65),
    lambda: signal.raise_signal(-1),
    lambda: signal.raise_signal(200),
    lambda: signal.strsignal(0),
    lambda: signal.default_int_handler(),
    lambda: signal.alarm("1"),
]:
    try:
        print("no error", bad())
    except (ValueError, TypeError, OSError, OverflowError) as e:
        print(type(e).__name__, e)

print(signal.alarm(0))
signal.signal(signal.SIGALRM, lambda s, f: got.append("alarm"))
print(signal.alarm(100), signal.alarm(0) > 0)
signal.signal(signal.SIGINT, signal.SIG_DFL)
print(repr(signal.getsignal(signal.SIGINT)))
