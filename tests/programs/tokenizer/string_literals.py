print('single', "double", '''triple
single''', """triple
double""")
print('a' 'b' "c", 'esc\t\\\'"\x41\101\u00e9\U0001F600\N{BULLET}')
print(r'raw\n', R"raw\t", rb'\x00', Rb'x', bR'y', BR'z', br'\d')
print(repr('\0\a\b\f\n\r\t\v'), len('\
'))
print(u'unicode', U"U")
print(b'bytes\xff\n', B"B")
print('line\
continued')
