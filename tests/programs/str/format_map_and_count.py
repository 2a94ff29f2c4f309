class Default(dict):
    def __missing__(self, k): return "<" + k + ">"
print("{a} and {b}".format_map(Default(a=1)))
print("aaaa".count("aa"), "abc".count("", 1), "hello".count("l", 3), "x".count("xx"))
print("abc".index("c", -1), "abcabc".rindex("b", 0, 4), "a-b_c d".split("-"), "tEST".capitalize())
print("%s|%5.1s|" % ("abc", "xyz"), "{:>{}}".format("r", 4), str.join("-", "abc"))
print("ab" in "xaby", "" in "", "abc".startswith(("x", "a")), "abc".endswith("bc", 0, 3))
