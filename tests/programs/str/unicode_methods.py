s = "Ünïcödé ΣΑΣ ß ﬃ"
print(s.lower(), s.upper(), s.casefold(), len(s.upper()))
print("ΣΑΣ".lower(), "ΌΣΟΣ".lower(), "a\u0301".isalpha(), "\u00e9" == "e\u0301")
print("١٢٣".isdigit(), "١٢٣".isdecimal(), int("١٢٣"), "Ⅻ".isnumeric(), "²".isdigit(), "²".isdecimal())
print("\u2028".isspace(), "a\u2028b".splitlines(), "\x1c".isspace(), "x\x1cy".split())
print(ascii("\u00e9\u20ac\U0001f600"), "\u00e9\u20ac\U0001f600".encode("utf-8"), len("\U0001f600".encode("utf-16-le")))
