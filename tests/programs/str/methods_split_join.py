print("a,b,,c".split(","), "a b  c ".split(), " x ".split(" "), "a,b,c".split(",", 1), "a,b,c".rsplit(",", 1))
print("line1\nline2\r\nline3".splitlines(), "a\nb\n".splitlines(True), "".split(), "".split(","))
print("-".join(["a", "b", "c"]), "".join([]), ", ".join(map(str, range(3))))
print("key=value=x".partition("="), "key=value=x".rpartition("="), "abc".partition("z"))
try:
    "-".join([1, 2])
except TypeError as e:
    print(e)
try:
    "a".split("")
except ValueError as e:
    print(e)
