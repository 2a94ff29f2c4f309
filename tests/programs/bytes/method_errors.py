# Errors name the type the method belongs to, hex() separators, and the
# str-only encoding/errors arguments of bytes() and bytearray().


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


names = ['find', 'rfind', 'index', 'rindex', 'count', 'startswith', 'endswith',
         'split', 'rsplit', 'splitlines', 'join', 'partition', 'rpartition',
         'strip', 'lstrip', 'rstrip', 'removeprefix', 'removesuffix', 'replace',
         'ljust', 'rjust', 'center', 'zfill', 'expandtabs', 'lower', 'upper',
         'title', 'capitalize', 'swapcase', 'isascii', 'isalpha', 'isalnum',
         'isdigit', 'isspace', 'islower', 'isupper', 'istitle', 'translate',
         'hex', 'decode']
for cls in (bytes, bytearray):
    o = cls(b'abc')
    for n in names:
        m = getattr(o, n)
        t(lambda: m(1, 2, 3, 4, 5))
        t(lambda: m())
        t(lambda: m(x=1))
t(lambda: bytearray(b'a').upper(1))
t(lambda: bytearray.upper(b'a'))
t(lambda: bytes.upper(bytearray(b'a')))

for sep in ['-', b':', [1], (1, 2), 'é', b'\xff', '', '--', 1, bytearray(b'-'),
            memoryview(b'-'), '\x7f']:
    t(lambda: b'abc'.hex(sep))
t(lambda: b'abcde'.hex('-', 2))
t(lambda: b'abcde'.hex('-', -2))
t(lambda: b'abcde'.hex('-', 0))
t(lambda: b'abcde'.hex('-', 10))
t(lambda: b'ab'.hex('-', 2**40))
t(lambda: b'ab'.hex('-', '2'))
t(lambda: b'ab'.hex(bytes_per_sep=2))
t(lambda: bytearray(b'abc').hex(':', 1))
t(lambda: bytearray(b'abc').hex('\x80'))

for cls in (bytes, bytearray):
    t(lambda: cls(None, None))
    t(lambda: cls(b'a', None))
    t(lambda: cls('a', errors=None))
    t(lambda: cls('a', 'ascii', None))
    t(lambda: cls(encoding=1))
    t(lambda: cls(errors='strict'))
    t(lambda: cls('a', 'ascii'))
    t(lambda: cls(None))
    t(lambda: cls('a'))
    t(lambda: cls(1, 'ascii'))
