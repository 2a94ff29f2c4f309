import string, textwrap
print(string.ascii_letters, string.digits, string.punctuation, string.hexdigits)
print(string.capwords("hello   wide world"), string.Template("$who likes $what").substitute(who="tim", what="pie"))
print(textwrap.wrap("The quick brown fox jumps over the lazy dog", 12))
print(textwrap.dedent("    a\n      b\n    c"), textwrap.shorten("Hello  world, this is long", 15), sep="\n")
