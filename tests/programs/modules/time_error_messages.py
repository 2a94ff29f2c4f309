# time function argument errors and time.sleep's pytime conversions.
import time
tests = [
    lambda: time.time(1), lambda: time.time_ns(1), lambda: time.perf_counter(1), lambda: time.perf_counter_ns(1),
    lambda: time.monotonic(1), lambda: time.monotonic_ns(1), lambda: time.process_time(1),
    lambda: time.sleep(), lambda: time.sleep(1, 2), lambda: time.sleep(x=1), lambda: time.sleep("a"),
    lambda: time.sleep(None), lambda: time.sleep(-1), lambda: time.sleep(-0.5), lambda: time.sleep(float("nan")),
    lambda: time.sleep(float("inf")), lambda: time.sleep(-float("inf")), lambda: time.sleep(1e300),
    lambda: time.sleep(2**63), lambda: time.sleep(2**100), lambda: time.sleep(-2**100), lambda: time.sleep(10**10),
    lambda: time.sleep(9.3e9), lambda: time.sleep(-1e-10), lambda: time.sleep(1j),
    lambda: time.sleep(0), lambda: time.sleep(0.0), lambda: time.sleep(1e-9), lambda: time.sleep(False),
    lambda: time.time(x=1),
]
for t in tests:
    try:
        t()
        print("ok")
    except Exception as e:
        print(type(e).__name__, e)
