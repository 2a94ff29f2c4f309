"""Generates str_cases.txt: str/bytes method calls, %-formatting and
format() cases with CPython 3.13's results, replayed by str_tests.rs.

Run: PYENV_VERSION=3.13.0 python3 gen_str_cases.py > str_cases.txt
Line format (tab-separated, every field hex-encoded UTF-8 of a token):
  op  receiver  args(\x1f-joined)  expected
Values: s:<text> b:<latin-1 text> a:<latin-1 text> (bytearray) i:<int>
f:<float repr> N (None) T/F (bool) t:<values \x1e-joined> (tuple).
"""
import itertools

def enc(v):
    if v is None: return "N"
    if v is True: return "T"
    if v is False: return "F"
    if isinstance(v, str): return "s:" + v
    if isinstance(v, bytearray): return "a:" + v.decode("latin-1")
    if isinstance(v, bytes): return "b:" + v.decode("latin-1")
    if isinstance(v, int): return "i:" + str(v)
    if isinstance(v, float): return "f:" + repr(v)
    if isinstance(v, slice): return "l:" + "\x1e".join(enc(x) for x in (v.start, v.stop, v.step))
    if isinstance(v, tuple): return "t:" + "\x1e".join(enc(x) for x in v)
    if isinstance(v, dict): return "d:" + "\x1e".join(enc(k) + "\x1d" + enc(x) for k, x in v.items())
    raise TypeError(v)

def h(s):
    return s.encode("utf-8", "surrogatepass").hex()

def result(f):
    try:
        r = f()
    except Exception as e:
        return f"{type(e).__name__}: {e}"
    return repr(r)

out = []
def case(op, recv, args):
    if op == "m":
        name, *rest = args
        exp = result(lambda: getattr(recv, name)(*rest))
    elif op == "%":
        exp = result(lambda: recv % args[0])
    else:
        exp = result(lambda: format(recv, args[0]))
    out.append("\t".join([h(op), h(enc(recv)), h("\x1f".join(enc(a) for a in args)), h(exp)]))

texts = ["", "a", "abc", "  Hello World  ", "a,b,,c", "aaa", "x\ty\tzz", "line1\nline2\r\nline3\r", "ß Straße", "ΣΑΣ ΟΔΟΣ", "hé llo wörld", "-12", "+7", "ǆemal ǅ", "١٢٣", "Ab1_", "İstanbul", "ﬁne", "a\u2028b\x85c", "\u00a0 x \u3000"]
subs = ["", "a", "l", "lo", "é", ",", "  ", "xyz", "Σ"]
idx = [None, 0, 1, -1, -3, 2, 100, -100]
for t in texts:
    for name in ["upper", "lower", "casefold", "swapcase", "title", "capitalize", "isalpha", "isalnum", "isdigit", "isdecimal", "isnumeric", "isspace", "islower", "isupper", "istitle", "isidentifier", "isprintable", "isascii", "split", "rsplit", "splitlines", "strip", "lstrip", "rstrip", "expandtabs", "__len__"]:
        case("m", t, [name])
    case("m", t, ["splitlines", True])
    case("m", t, ["expandtabs", 3])
    for sub in subs:
        for name in ["find", "rfind", "count", "startswith", "endswith", "split", "rsplit", "partition", "rpartition", "strip", "removeprefix", "removesuffix"]:
            case("m", t, [name, sub])
        for st, en in [(1, None), (-2, None), (0, 2), (2, 1), (100, None), (None, -1)]:
            for name in ["find", "rfind", "count", "startswith", "endswith", "index"]:
                case("m", t, [name, sub, st, en])
        case("m", t, ["replace", sub, "<>"])
        case("m", t, ["replace", sub, "-", 1])
        case("m", t, ["split", sub, 1])
        case("m", t, ["rsplit", sub, 1])
    for w in [-1, 0, 3, 8, 11]:
        for name in ["center", "ljust", "rjust", "zfill"]:
            case("m", t, [name, w])
        case("m", t, ["center", w, "*"])
    case("m", t, ["split", None, 0])
    case("m", t, ["split", None, 1])
    case("m", t, ["rsplit", None, 1])
    for i in idx:
        if i is not None:
            case("m", t, ["__getitem__", i])
    for sl in [slice(None, None, -1), slice(None, None, 2), slice(1, None), slice(-3, None, -1), slice(5, 1, -2), slice(None, 100), slice(-100, 2)]:
        case("m", t, ["__getitem__", sl])

# bytes and bytearray
btexts = [b"", b"a", b"abc", b"  Hello World  ", b"a,b,,c", b"x\ty", b"l1\nl2\r\nl3", b"\x00\xff\x80", b"-12"]
bsubs = [b"", b"a", b"l", b",", b"xyz"]
for t in btexts:
    for v in [t, bytearray(t)]:
        for name in ["upper", "lower", "swapcase", "title", "capitalize", "isalpha", "isalnum", "isdigit", "isspace", "islower", "isupper", "istitle", "isascii", "split", "rsplit", "splitlines", "strip", "hex", "decode", "__len__", "expandtabs"]:
            case("m", v, [name])
        for sub in bsubs:
            for name in ["find", "rfind", "count", "startswith", "endswith", "split", "rsplit", "partition", "rpartition", "strip", "removeprefix", "removesuffix", "index"]:
                case("m", v, [name, sub])
            case("m", v, ["replace", sub, b"<>"])
            case("m", v, ["find", sub, 1, -1])
        case("m", v, ["find", 97])
        case("m", v, ["count", 300])
        for w in [0, 5, 9]:
            for name in ["center", "ljust", "rjust", "zfill"]:
                case("m", v, [name, w])
        for e in ["ascii", "latin-1", "utf-8"]:
            for err in ["strict", "replace", "ignore", "backslashreplace"]:
                case("m", v, ["decode", e, err])
        case("m", v, ["hex", ":", 2])
        for sl in [slice(None, None, -1), slice(None, None, 2), slice(1, None), slice(None, None), slice(-2, None, -1), slice(5, 1, -2)]:
            case("m", v, ["__getitem__", sl])
        case("m", v, ["hex", "-", -1])

for t in ["héllo", "a😀b", "abc", "Ā"]:
    for e in ["ascii", "latin-1", "utf-8", "UTF8", "bogus"]:
        for err in ["strict", "replace", "ignore", "backslashreplace", "xmlcharrefreplace"]:
            case("m", t, ["encode", e, err])

for t in ["héllo", "a😀b", ""]:
    for e in ["utf-16", "utf-16-le", "UTF-16BE", "utf-32", "utf-32-le", "utf_32_be", "utf-8-sig"]:
        case("m", t, ["encode", e])
for t in ["a\té\u20ac😀\\'\"\x7f\r\n", ""]:
    case("m", t, ["encode", "unicode_escape"])
    case("m", t, ["encode", "raw_unicode_escape"])
for data in [b"a\\nb", b"\\x4", b"\\x41\\x4g", b"\\u12", b"\\u20acz", b"\\U00110000", b"\\U0001F600", b"\\q", b"\\", b"\\101\\7\\0", b"\xe9\\t", b"\\N{x", b"\\N", b"a\\\nb", b"\\'\\\"\\a\\b\\f\\v\\r"]:
    for err in ["strict", "replace", "backslashreplace", "ignore"]:
        case("m", data, ["decode", "unicode_escape", err])
for data in [b"\\u20ac\\n\xe9", b"\\\\u20ac", b"\\\\\\u20ac", b"\\u12", b"\\U00110000", b"\\x41"]:
    for err in ["strict", "replace"]:
        case("m", data, ["decode", "raw_unicode_escape", err])
for data in [b"\xef\xbb\xbfab", b"\xef\xbb\xbf\xff", b"ab\xff"]:
    for err in ["strict", "replace"]:
        case("m", data, ["decode", "utf-8-sig", err])
for data in [b"a", b"a\x00b", b"\x00\xd8a\x00", b"\x00\xdc", b"\x00\xd8", b"\xd8\x00", b"\xff\xfea\x00", b"\xfe\xff\x00a", b"a\x00\x00", b"\x00\x00\x11\x00", b"\x00\xd8\x00\x00", b"=\xd8\x00\xde", b"\xff\xfe\x00\x00a\x00\x00\x00"]:
    for e in ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"]:
        for err in ["strict", "replace", "ignore", "backslashreplace"]:
            case("m", data, ["decode", e, err])

# printf-style formatting
pf = [
    ("%s", "x"), ("%r", "x"), ("%a", "é"), ("%5s|%-5s", ("a", "b")), ("%.2s", "abc"),
    ("%d", 42), ("%i", -7), ("%u", 3), ("%5d", 42), ("%-5d|", 42), ("%05d", -42), ("%+d", 5), ("% d", 5), ("%.3d", 7), ("%+.3d", -7),
    ("%x", 255), ("%X", 255), ("%#x", 255), ("%#X", -255), ("%o", 8), ("%#o", 8), ("%#08x", 255), ("%-#8x|", 255),
    ("%f", 3.14159), ("%.2f", 2.675), ("%10.3f|", -1.5), ("%-10.1f|", 1.25), ("%010.2f", -3.5), ("%+f", 1.0), ("% f", 1.0), ("%#.0f", 3.0),
    ("%e", 12345.678), ("%E", 0.000123), ("%.0e", 5.5), ("%g", 0.0001), ("%g", 1e-5), ("%G", 1e20), ("%#g", 1.0), ("%.3g", 1234.5),
    ("%f", float("inf")), ("%f", float("nan")), ("%05f", float("-inf")), ("%d", 3.99), ("%d", -3.99), ("%d", True), ("%x", True),
    ("%c", 65), ("%c", "é"), ("%c", 0x1F600), ("%5c|", 66), ("%%", ()), ("%s %%", "x"), ("%s", ("y",)),
    ("%*d", (5, 1)), ("%-*d|", (5, 1)), ("%*d|", (-5, 1)), ("%.*f", (2, 3.14159)),
    ("%d", "x"), ("%x", 1.5), ("%c", "ab"), ("%c", -1), ("%c", 0x110000), ("%y", 1), ("%", 1), ("%(", {}), ("%s %s", (1,)), ("%s", (1, 2)),
    ("abc", 1), ("abc", ()), ("abc", {}), ("abc", []), ("%f", "x"), ("%5.2z", 1), ("%ld", 5), ("%.0s|", "abc"),
    ("%i", 10**30), ("%x", -(10**20)), ("%e", 10**30), ("%s%s", "ab"),
]
pf += [("%(a)s", {"a": "x"}), ("%(a)s %(b)r", {"a": "x", "b": "y"}), ("%(a)5s|%(a)-3s|", {"a": "z"}), ("%(a)d", {"a": 5}), ("%(a)s %s", {"a": "q"}),
       ("%(missing)s", {"a": 1}), ("%(a", {"a": 1}), ("%(a)", {"a": "x"}), ("%(a)*d", {"a": 1}), ("%(x(y))s", {"x(y)": "n"}), ("abc", {}), ("%s", {}), ("%d %s", ("a",))]
for f_, a in pf:
    if isinstance(a, list):
        continue
    case("%", f_, [a])
bpf = [(b"%(k)s", {b"k": b"v"}), (b"%s", b"x"), (b"%b", bytearray(b"ab")), (b"%r", "é"), (b"%a", "x"), (b"%d|%5x", (3, 255)), (b"%c", 65), (b"%c", b"z"), (b"%c", 256), (b"%s", "x"), (b"%s", 1), (b"%f", 1.5), (b"%s %s", (b"a",)), (b"abc", 1), (b"%y", 1), (b"%.1b", b"xyz")]
for f_, a in bpf:
    case("%", f_, [a])
    case("%", bytearray(f_), [a])

# format()
fvals = [0, 1, -1, 255, 1234567, 10**20, True, False, 0.0, -0.0, 1.5, -2.25, 3.14159, 1e16, 1e-7, 123456.789, float("inf"), float("nan"), "", "abc", "héllo"]
specs = ["", "d", "x", "#X", "o", "b", "c", "e", ".3e", "f", ".2f", "g", ".3g", "%", ".1%", "n", "s", ">8", "<8", "^8", "*^9", "=+8", "08", "+", " ", ",", "_", "_x", ",.2f", "10.3", ".2", "z.1f", "#", "#.0f", "q", ".", "10,", "=8"]
for v in fvals:
    for sp in specs:
        case("fmt", v, [sp])

print("\n".join(out))
