print("%s %r %d %i %x %X %o %c %%" % ("s", "r", 42, -3, 255, 255, 8, 65))
print("%5d|%-5d|%05d|%+d|% d" % (42, 42, 42, 42, 42))
print("%.2f|%10.3f|%-10.1f|%e|%E|%g|%G" % (3.14159, 2.5, 1.25, 12345.678, 0.000123, 1e-5, 1e20))
print("%(name)s is %(age)d" % {"name": "Ann", "age": 30})
print("%*d|%-*.*f" % (6, 7, 8, 2, 1.5), "%#x %#o" % (255, 8), "%s" % (1,), "%s" % [1, 2])
print("%c" % "z", "%.3s" % "abcdef", "%a" % "é")
for fmt, args in [("%d", "x"), ("%s %s", (1,)), ("%s", (1, 2)), ("%z", 1), ("%(a)s", 1)]:
    try:
        print(fmt % args)
    except (TypeError, ValueError, KeyError) as e:
        print(type(e).__name__, e)
