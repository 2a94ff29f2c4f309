# Octal escapes above \377: "invalid octal escape sequence", only the first
# invalid escape of each literal is reported.
print(b'\777', '\777' == chr(511))
s = '\q \777'
s = '\777 \q'
s = f'\777{1}'
s = '\477\477'
s = '''
\777'''
s = '\400' '\500'
s = rb'\777'
s = b'\q\777'
s = '\1234'
s = '\377'
s = b'\400'
print(len(s), s)
