print(repr("a\nb"), ascii("ünï"), ascii([1, "é"]), repr(1.0), repr([None]), format(5, "03"), format("x", "^5"))
print(repr(print), repr(len), repr(int), repr(type), repr(None), repr(NotImplemented), repr(...))
class R:
    def __repr__(self): return "R()"
class S(R):
    def __str__(self): return "S-str"
print(R(), str(R()), S(), repr(S()), [S()], f"{S()}", f"{S()!r}")
class Bad:
    def __repr__(self): return 5
try:
    repr(Bad())
except TypeError as e:
    print(e)
print(bin(10), oct(10), hex(10), chr(65), ord("A"), abs(-3), round(2.567, 1), divmod(9, 4), pow(2, 8))
