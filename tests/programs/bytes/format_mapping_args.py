# `%` formatting: which right operands count as a mapping.


def t(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "->", type(e).__name__, e)
    else:
        print(label, "->", repr(r))


t("bytes % bytes", lambda: b'abc' % b'a')
t("bytes % bytearray", lambda: b'abc' % bytearray(b'a'))
t("bytearray % bytes", lambda: bytearray(b'abc') % b'a')
t("bytearray % bytearray", lambda: bytearray(b'abc') % bytearray(b'a'))
t("bytes % str", lambda: b'abc' % 'x')
t("bytes % memoryview", lambda: b'abc' % memoryview(b'a'))
t("bytes % list", lambda: b'abc' % [1])
t("bytes % dict", lambda: b'abc' % {})
t("bytes % empty tuple", lambda: b'abc' % ())
t("bytes %s bytes", lambda: b'%s' % b'a')
t("bytes %s bytearray", lambda: b'<%s>' % bytearray(b'a'))
t("bytes key bytearray", lambda: b'%(a)s' % bytearray(b'a'))
t("bytes key memoryview", lambda: b'%(a)s' % memoryview(b'a'))
t("bytes key dict", lambda: b'%(a)s' % {b'a': b'x'})
t("str % bytes", lambda: 'abc' % b'a')
t("str % bytearray", lambda: 'abc' % bytearray(b'a'))
t("str % str", lambda: 'abc' % 'a')
t("bytes %b extra", lambda: b'%b' % (b'a', b'b'))
