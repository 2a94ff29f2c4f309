t = str.maketrans("abc", "xyz", "d")
print("abcdabcd".translate(t), "hello".translate({ord("l"): None, ord("h"): "J"}))
print("%s" % "x", "a".__len__(), "abc".__contains__("b"), "abc".__getitem__(1))
print(str.__name__, "x".__class__.__name__, isinstance("x", str))
s = "hello"
print(s.upper().lower() == s, hash("") == 0)
print("Straße".casefold() == "strasse".casefold(), "ab".__mul__(2))
