"""Generates unicode_cases.txt: CPython 3.13's str predicates and case
mappings on single characters sampled over the whole code space, replayed
by str_tests.rs. Predicates: one line "name<TAB>bits" (one bit per sampled
code point); mappings: "name<TAB>cp<TAB>hex(utf-8 result)" only where the
result is not the character itself.

Run: PYENV_VERSION=3.13.0 python3 gen_unicode_cases.py > unicode_cases.txt
"""
STEP = 7
cps = [cp for cp in range(0, 0x32000, STEP) if not 0xD800 <= cp < 0xE000]
print("step", STEP, sep="\t")
for name in ["isalpha", "isdigit", "isnumeric", "isdecimal", "isalnum", "isidentifier", "isprintable", "isspace", "islower", "isupper", "istitle"]:
    print(name, "".join("1" if getattr(chr(cp), name)() else "0" for cp in cps), sep="\t")
for name in ["upper", "lower", "title", "swapcase", "casefold", "capitalize"]:
    for cp in cps:
        r = getattr(chr(cp), name)()
        if r != chr(cp):
            print(name, cp, r.encode("utf-8").hex(), sep="\t")
