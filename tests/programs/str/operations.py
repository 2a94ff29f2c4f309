print("ab" + "cd", "ab" * 3, 3 * "x", "-" * 0, "ab" < "b", "B" < "a", "abc" == "abc")
print(ord("a"), chr(97), ord("€"), chr(0x1F600), ord("\n"))
try:
    "a" + 1
except TypeError as e:
    print(e)
try:
    chr(-1)
except ValueError as e:
    print(e)
try:
    ord("ab")
except TypeError as e:
    print(e)
print(str(1), str(1.5), str(None), str([1, "a"]), str(b"x"), str(b"caf\xc3\xa9", "utf-8"))
print(repr("it's"), repr('say "hi"'), repr("both ' and \""), repr("\x7f\u200b\U0010ffff"), ascii("café"))
