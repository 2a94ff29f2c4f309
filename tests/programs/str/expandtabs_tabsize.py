# expandtabs' tabsize is a C int: out of range raises OverflowError.
def t(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
for s in ('a\tb', b'a\tb', bytearray(b'a\tb')):
    t(lambda: s.expandtabs(2**31))
    t(lambda: s.expandtabs(-2**31 - 1))
    t(lambda: s.expandtabs(2**100))
    t(lambda: s.expandtabs(-5))
    t(lambda: s.expandtabs(0))
    t(lambda: s.expandtabs(3))
    t(lambda: s.expandtabs(tabsize=True))
    t(lambda: s.expandtabs(1.5))
    t(lambda: s.expandtabs('x'))
