# Lone surrogates are code points like any other in a str.
s = '\ud800'
print(repr(s), len(s), ord(s), ascii(s), s == chr(0xd800), hash(s) == hash(chr(0xd800)))
t = 'a\udc80b\U0001f600'
print(repr(t), len(t), [hex(ord(c)) for c in t])
print(repr(t[1]), repr(t[::-1]), repr(t[1:3]), repr(t * 2), repr(t + s))
pair = '\ud83d\ude00'
print(repr(pair), len(pair), pair == '\U0001f600', pair.encode('utf-16-le', 'surrogatepass').decode('utf-16-le'))
print(repr(chr(0xdf800)), chr(0xdf800) == '\ud800', len({chr(0xdf800), '\ud800'}), ord(chr(0xdf800)))
print([hex(ord(c)) for c in sorted(['\ue000', '\ud800', '\ud7ff', '\U00010000', 'z'])])
print('\ud800' < '\ue000', '\udfff' > '\ud7ff', max('\ud800', '\uffff') == '\uffff')
print({'\udc80': 1}['\udc80'], '\udc80' in {'\udc80'}, ['\udc80'].index('\udc80'))

# Text operations keep them.
print(repr('\ud800'.upper()), repr('x\ud800x'.split('x')), repr('-'.join(['\ud800', '\udc00'])))
print(repr(f'{chr(0xd800)}!'), repr('%s|%c' % ('\udfff', 0xd801)), repr(format(0xdc00, 'c')))
print('\ud800'.isprintable(), '\ud800'.isalpha(), '\ud800' in 'a\ud800', 'a\ud800'.find('\ud800'))
print(repr('\ud800x'.translate({0xd800: 'y'})), str.maketrans('\ud800', 'a'), repr('\ud800'.center(5, '*')))
print(list('\ud800\udc00'), repr('\udc80'.replace('\udc80', '\udc81')), repr('a\ud800b'.partition('\ud800')))
try:
    int('\ud800')
except ValueError as e:
    print(e)
print(ascii(json.loads('"\\ud800x\\ud83d\\ude00"')), json.dumps('\ud800'), json.dumps('\ud800', ensure_ascii=False) == '"\ud800"')
print(ascii(repr(['\udc80'])), ascii(str(('\udc80',))))
import io
b = io.BytesIO()
t = io.TextIOWrapper(b, encoding='utf-8', errors='surrogateescape')
t.write('a\udcffb'); t.flush(); print(b.getvalue())
print(ascii('{:>4}'.format('\ud800')), ascii('\ud800'.zfill(3)), '\ud800'.encode('utf-8', 'ignore'))
print(ascii(str(b'\xed\xa0\x80', 'utf-8', 'surrogatepass')))
print('\ud800'.isidentifier(), '\ud800'.casefold() == '\ud800', ascii('\udc80\udc80'.title()))
g = chr(0xdf800) + 'ab'
print(ascii(g.upper()), ascii(g.split('a')), ascii(g.partition('a')), ascii(g.center(6)), ascii(g.replace('a', 'x')), ascii(g.strip()))
print(ascii(g.splitlines()), ascii(g.zfill(5)), ascii(g.translate({97: 98})), ascii('-'.join([g])))
