s = "the quick brown fox jumps over the lazy dog"
print(s.find("the"), s.find("the", 1), s.rfind("the"), s.find("cat"), s.index("fox"), s.rindex("o"))
print(s.count("o"), s.count(""), s.startswith("the"), s.endswith(("dog", "cat")), s.startswith("quick", 4))
print("fox" in s, "cat" not in s)
try:
    s.index("cat")
except ValueError as e:
    print(e)
print("abcabc".replace("b", "X"), "abcabc".replace("b", "X", 1), "aaa".replace("", "-"))
