import textwrap
txts = ["Hello-world is a long-ish phrase -- with dashes---and more e-mail addresses like x-y-z.",
        "short", "   leading and trailing   ", "a\tb\tc d e f g h i j k l m n o p", "word " * 20,
        "supercalifragilisticexpialidocious-antidisestablishmentarianism"]
for t in txts:
    for w in (5, 9, 14, 30):
        print(w, textwrap.wrap(t, w))
print(textwrap.wrap(txts[0], 10, break_on_hyphens=False), textwrap.wrap(txts[5], 10, break_long_words=False))
print(textwrap.fill("one two three", 7, drop_whitespace=False))
