# Numbers running into a keyword still work (with a SyntaxWarning); into
# anything else they are errors.
def show(src):
    try:
        compile(src, "<s>", "exec")
        print("OK", repr(src))
    except SyntaxError as e:
        print(repr(src), "->", e.msg, e.lineno, e.offset, e.end_offset, repr(e.text))

import warnings
warnings.simplefilter("ignore")
for src in ["x = 0x1for_ = 1", "x = 0x1for _ in y", "x = [0x1for x in y]", "x = 1if 1 else 2",
            "x = 1else", "x = 1and 2", "x = 1andy", "x = 1or 2", "x = 1orx", "x = 1not in y",
            "x = 1notin y", "x = 1ix", "x = 1isx", "x = 0b1or 2", "x = 0o7and 1", "x = 1.5for_",
            "x = 1jand 2", "x = 1_000if 1 else 2", "x = 1in y", "x = 1is y", "x = 0x1fand 1"]:
    show(src)
