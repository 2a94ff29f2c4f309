s = "abcdef"
print(s[0], s[-1], s[1:3], s[::2], s[::-1], s[10:], s[-100:2])
try:
    s[10]
except IndexError as e:
    print(e)
try:
    s[0] = "x"
except TypeError as e:
    print(e)
print(len(s), len(""), len("日本語"), "日本語"[1], "😀x"[1])
print(list("abc"), sorted("cba"), min("hello"), max("hello"))
