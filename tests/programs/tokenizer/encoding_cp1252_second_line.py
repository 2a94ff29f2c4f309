#!/usr/bin/env python3
# vim: set fileencoding=cp1252 :
s = '€ euro'
print(s, hex(ord(s[0])))
