s = "\d+"
b = b"\q"
print(s, b, len(s))
