# One-character strings from indexing and chr(): ASCII singletons,
# non-ASCII and astral characters, lone surrogates.
import sys
s = "aé\U0001f600z"
print([s[i] for i in range(4)], [s[-i] for i in range(1, 5)], s[1] == "é", len(s[2]))
print(chr(65), chr(233), chr(0x1f600), repr(chr(0xd800)), repr(chr(0xdf800 - 0xd0000 + 0xd0000)), chr(65) is "A"[0])
t = "\ud83d\ude00"
print(len(t), repr(t[0]), repr(t[1]), ord(t[0]))
print(repr("abc"[1]), repr(chr(0x7f)), repr(chr(0x80)))
