print(repr("  x  ".strip()), repr("xxhixx".strip("x")), repr("  a".lstrip()), repr("a  ".rstrip()))
print("42".zfill(5), "-42".zfill(5), "abc".center(9, "*"), "abc".ljust(6, "."), "abc".rjust(6), "ab".center(5))
print("a\tb\tc".expandtabs(4), "prefix_rest".removeprefix("prefix_"), "file.py".removesuffix(".py"))
print("123".isdigit(), "½".isnumeric(), "٣".isdecimal(), "abc123".isalnum(), "abc".isalpha(), " \t".isspace(), "_id".isidentifier(), "a b".isprintable(), "\n".isprintable(), "abc".isascii())
