print("{} {}".format("a", "b"), "{1} {0}".format("a", "b"), "{x} {y}".format(x=1, y=2))
print("{0[0]} {0[1]} {1[key]} {2.real}".format([5, 6], {"key": "v"}, 3 + 4j))
print("{:>10}|{:<10}|{:^10}|{:*^9}".format("r", "l", "c", "s"))
print("{:d} {:5d} {:+d} {:x} {:#b} {:o} {:,} {:_}".format(42, 42, 42, 255, 5, 8, 1234567, 1234567))
print("{!r} {!s} {!a}".format("x", "y", "é"), "{{}} {}".format(1))
print("{:.{}f}".format(3.14159, 2), "{0:{1}{2}}".format("a", ">", 5))
for bad in ["{", "}", "{0} {}", "{1}", "{x}", "{:d}"]:
    try:
        print(bad.format("s"))
    except (ValueError, IndexError, KeyError) as e:
        print(type(e).__name__, e)
print(format(12, "08b"), format("s", "3"), format(3.0), format(None))
