print("%%" % (), "%s %s" % ("a", "b"), "%(x)s %(x)r" % {"x": "y"})
print("%5.2f%%" % 99.5, "%-5s|" % "ab", "%+.3e" % -1234.5, "%o" % -8, "%x" % -255, "%#X" % 255)
print("%c%c" % (72, "i"), "%r" % b"x", "%a" % "ü", "%.0e" % 12345, "%g" % 1e-10, "%G" % 1e16)
print("%d" % True, "%f" % 1, "%s" % 1.0, "%i" % 3.7, "%x" % 0, "%5s" % None)
try:
    "%d" % None
except TypeError as e:
    print(e)
try:
    "%c" % 1114112
except OverflowError as e:
    print(e)
try:
    "%(a)s %s" % {"a": 1}
except TypeError as e:
    print(e)
