print(repr("\a\b\f\n\r\t\v\\\'\"\0\7\77\177\x00\x7f\xff\u0100\uffff\U00010000\U0010FFFF"))
print(len("\N{EM DASH}\N{SNOWMAN}\N{GREEK SMALL LETTER ALPHA}"), "\N{EM DASH}")
print(repr(b"\a\b\f\n\r\t\v\\\'\"\0\x00\xff\377"))
print(repr(r"\n\t\\"), repr(rb"\x00"), len(r"\\"))
