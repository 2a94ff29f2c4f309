# Arity and argument errors of number and sequence dunders, worded as
# CPython's slot wrappers word them.
for f in [lambda: (5).__divmod__(), lambda: (5).__rdivmod__(), lambda: (5.0).__divmod__(), lambda: (5.0).__rdivmod__(1,2), lambda: (5).__add__(), lambda: (5).__add__(1,2), lambda: (5).__neg__(1), lambda: (5).__pow__(), lambda: (5).__rpow__(1,2,3), lambda: True.bit_length(1), lambda: (5).bit_length(1), lambda: True.conjugate(1), lambda: (5).__lt__(), lambda: (5).__bool__(1), lambda: (5).__index__(1), lambda: (5).__hash__(1), lambda: (5).__repr__(1), lambda: (5).__getnewargs__(1), lambda: True.__getnewargs__(1), lambda: True.as_integer_ratio(1), lambda: True.is_integer(1), lambda: True.__trunc__(1), lambda: True.__sizeof__(1), lambda: True.__ceil__(1),lambda: True.__round__(1,2), lambda: True.to_bytes(1,2,3,4), lambda: True.__format__(), lambda: (1.5).hex(1), lambda: (1j).conjugate(1), lambda: (1j).__divmod__(), lambda: [].__add__(), lambda: 'a'.__mul__(), lambda: 'a'.__mod__(), lambda: (1).__mod__(),
  lambda: True.bit_length.__qualname__, lambda: (1.5).__divmod__(1, 2), lambda: (1.5).__rdivmod__(), lambda: (1.5).__pow__(), lambda: (1.5).__rpow__(1,2,3), lambda: (1j).__pow__(), lambda: (1j).__rpow__(1,2,3), lambda: (1j).__add__(), lambda: (1j).__truediv__(1, 2), lambda: (5).__floordiv__(), lambda: (5).__lshift__(1,2), lambda: (5).__and__(), lambda: (5).__rand__(), lambda: (5).__abs__(1), lambda: (5).__int__(1), lambda: (5).__float__(1), lambda: (5).__invert__(1), lambda: (5).__pos__(1), lambda: True.__invert__(1), lambda: True.__and__(), lambda: (5).__eq__(), lambda: (5).__ne__(1, 2), lambda: (5).__ge__(1, 2)]:
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, repr(str(e)))
for f in [lambda: (5).__divmod__(x=1), lambda: (5.0).__rdivmod__(x=1), lambda: int.__divmod__('a', 1), lambda: float.__divmod__(1, 1), lambda: (5).__divmod__(2), lambda: (5).__rdivmod__(2), lambda: (5.0).__divmod__(2), lambda: (5.0).__rdivmod__(2), lambda: (5).__divmod__(2.0), lambda: (5).__add__(x=1), lambda: 'a'.__mul__(x=1), lambda: (1).__pow__(x=1), lambda: int.__divmod__(), lambda: int.__divmod__.__qualname__, lambda: type(int.__divmod__).__name__, lambda: type(float.__rdivmod__).__name__]:
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, repr(str(e)))
def t(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
t(lambda: (5).__round__(None))
t(lambda: True.__round__(None))
t(lambda: (5).__round__())
t(lambda: (15).__round__(-1))
t(lambda: round(5, None))
t(lambda: round(True, None))
t(lambda: (1.5).__round__(None))
t(lambda: (1.25).__round__(1))
t(lambda: [1].__mul__(None))
t(lambda: [1].__rmul__(2.5))
t(lambda: (1,).__rmul__(2.5))
t(lambda: 'ab'.__rmul__(2))
t(lambda: b'ab'.__mul__(True))
t(lambda: bytearray(b'ab').__rmul__(2))
t(lambda: [1].__mul__(-10**30))
t(lambda: [1] * -10**30)
t(lambda: 'a' * -10**30)
t(lambda: (1,) * 10**30)
t(lambda: [1].__mul__())
t(lambda: [1].__rmul__(1, 2))
t(lambda: [1].__mul__(x=1))
t(lambda: divmod(7, 2))
t(lambda: divmod(7.5, 2))
t(lambda: divmod(7, 2.5))
t(lambda: (7).__divmod__(2))
t(lambda: (7.5).__rdivmod__(2))
class I(int):
    def __divmod__(self, o): return 'I.divmod'
t(lambda: divmod(I(7), 2))
t(lambda: divmod(7, I(2)))
t(lambda: int.__divmod__(I(7), 2))
t(lambda: super(I, I(7)).__divmod__(2))
for t in (list, tuple, str, bytes, bytearray):
    print(t.__name__, [n for n in ('__add__','__radd__','__mul__','__rmul__','__iadd__','__imul__','__mod__','__rmod__') if hasattr(t, n)])
