import time
a = time.monotonic()
b = time.perf_counter()
time.sleep(0.02)
a2 = time.monotonic()
b2 = time.perf_counter()
print(a2 > a, b2 - b >= 0.015, a2 - a < 5)
t = time.time()
print(t > 1_600_000_000, type(time.time_ns()).__name__, time.monotonic_ns() > 0)
time.sleep(0)
try:
    time.sleep(-1)
except ValueError as e:
    print(e)
try:
    time.sleep("x")
except TypeError as e:
    print(e)
print(time.gmtime(0)[:6], time.strftime("%Y-%m-%d", time.gmtime(86400 * 365)))
