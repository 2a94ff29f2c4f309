import string, textwrap
print(string.ascii_letters, string.digits, string.punctuation, string.hexdigits, repr(string.printable))
print(string.capwords("hello   wide world"), string.Template("$who likes $what").substitute(who="tim", what="pie"))
t = string.Template("${a}x $$ $b"); print(t.safe_substitute(a=1), t.substitute({'a': 1, 'b': 2}), t.get_identifiers(), t.is_valid())
try: string.Template("a $ b").substitute()
except ValueError as e: print(e)
try: string.Template("$zz").substitute()
except KeyError as e: print(repr(e))
print(textwrap.wrap("The quick brown fox jumps over the lazy dog", 12))
print(textwrap.dedent("    a\n      b\n    c"), textwrap.shorten("Hello  world, this is long", 15), sep="\n")
txt = "A well-known fact is that supercalifragilisticexpialidocious words wrap badly in narrow columns, don't they?"
for w in (10, 15, 20, 33):
    print(textwrap.wrap(txt, w))
print(textwrap.fill(txt, 30, initial_indent="* ", subsequent_indent="  "))
print(textwrap.indent("a\n\nb\n", "> "), repr(textwrap.dedent("  x\n \n  y\n")))
print(textwrap.shorten(txt, 40), textwrap.shorten(txt, 40, placeholder="..."), textwrap.wrap(txt, 25, max_lines=2))
print(textwrap.wrap("tab\there  and  spaces", 8), textwrap.wrap("", 5))
