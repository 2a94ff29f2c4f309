x = 5
s = ('a' f'{x}' r'\n' "b" f"{x * 2}")
print(s)
print(b'a' b'b' rb'\c')
print("""a "quoted" string""", '''it's''')
print('\N{LATIN SMALL LETTER E WITH ACUTE}', '\N{GREEK CAPITAL LETTER OMEGA}')
