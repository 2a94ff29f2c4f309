s = "one \
two"
t = """a
b\
c"""
print(repr(s), repr(t))
print(len("""
"""))
