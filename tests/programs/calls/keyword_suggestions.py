# 'Did you mean' hints for unexpected keyword arguments (CPython 3.13),
# for Python functions and Argument Clinic builtins.
def f(abc, *, defg=1): pass
def g(a, /, bcd): pass
def h(**kw): pass
class C:
    def m(self, value): pass
for fn in [lambda: f(1, defh=2), lambda: f(abd=1), lambda: g(1, bce=1), lambda: g(1, a=2, bcd=3), lambda: C().m(valeu=1), lambda: h(x=1), lambda: f(1, zzzzzz=1), lambda: int('1', bas=2), lambda: int(x='1'), lambda: sorted([], kee=1), lambda: [].sort(revers=1), lambda: zip(strct=1), lambda: (1).to_bytes(lenght=1), lambda: 'a'.split(sepp=1), lambda: print(ed=1), lambda: max([1], kee=1), lambda: min([1], defualt=1), lambda: int.from_bytes(b'', byteordr='big'), lambda: round(1, ndigit=2), lambda: str(b'', encodng='x'), lambda: complex(rea=1), lambda: sum([], strt=0), lambda: 'a'.encode(encodig='x'), lambda: bytes(sourc=1), lambda: (lambda xyz: 0)(xyy=1), lambda: int('1', base=2, bas=3)]:
    try: fn()
    except Exception as e: print(type(e).__name__, e)
