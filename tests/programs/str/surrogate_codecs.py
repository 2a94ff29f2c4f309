# The UTF codecs and the surrogate error handlers.
cases = [
    "'\\ud800'.encode()",
    "'a\\ud800\\udc00b'.encode()",
    "'\\ud800'.encode('utf-16')",
    "'\\ud800'.encode('utf-16-be')",
    "'\\ud800'.encode('utf-32')",
    "'\\udc80'.encode('utf-16-le', 'surrogateescape')",
    "'\\udc80x\\udcff'.encode('ascii', 'surrogateescape')",
    "'\\udc41'.encode('ascii', 'surrogateescape')",
    "'\\udc80\\udc41'.encode('utf-8', 'surrogateescape')",
    "'\\ud800'.encode('latin-1', 'surrogatepass')",
    "'\\ud800é'.encode('ascii', 'backslashreplace')",
    "'\\ud800'.encode('utf-8', 'xmlcharrefreplace')",
    "'\\ud800'.encode('utf-8', 'namereplace')",
    "'\\ud800'.encode('utf-8', 'replace')",
    "'\\ud800\\ud801'.encode('utf-16-le', 'replace')",
    "'\\ud800'.encode('utf-8', 'surrogatepass')",
    "'\\ud800'.encode('utf-16-be', 'surrogatepass')",
    "'\\ud800'.encode('utf-32-le', 'surrogatepass')",
    "'\\ud800'.encode('unicode_escape')",
    "'\\ud800'.encode('raw_unicode_escape')",
    "'\\ud83d\\ude00'.encode('utf-8', 'surrogatepass')",
    "b'\\xed\\xa0\\x80'.decode('utf-8', 'surrogatepass')",
    "b'\\xed\\xa0\\x80'.decode('utf-8')",
    "b'\\xed\\xa0'.decode('utf-8', 'surrogatepass')",
    "b'\\xed\\xa0\\xbd\\xed\\xb8\\x80'.decode('utf-8', 'surrogatepass')",
    "b'\\x00\\xd8'.decode('utf-16-le', 'surrogatepass')",
    "b'\\x00\\xd8\\x00\\x00'.decode('utf-32-le', 'surrogatepass')",
    "b'a\\x80\\x41'.decode('ascii', 'surrogateescape')",
    "b'\\x00\\xd8'.decode('utf-16', 'surrogateescape')",
    "b'\\\\ud800'.decode('unicode_escape')",
    "b'a\\xffb\\x80\\xe2\\x82'.decode('utf-8', 'surrogateescape')",
    "b'a\\xffb\\x80\\xe2\\x82'.decode('utf-8', 'surrogateescape').encode('utf-8', 'surrogateescape')",
    "str(b'\\xff', 'ascii', 'surrogateescape')",
    "chr(0xdf800).encode()",
    "chr(0xdf800).encode().decode() == chr(0xdf800)",
    "chr(0x10ffff).encode('utf-16-be')",
]
for c in cases:
    try:
        r = repr(eval(c))
    except Exception as e:
        r = f"{type(e).__name__}: {e}"
    print(c, '->', r)

try:
    '\udc80'.encode()
except UnicodeEncodeError as e:
    print(e.start, e.end, repr(e.object), e.reason)

import sys
sys.stdout.flush()
print('\ud800')
