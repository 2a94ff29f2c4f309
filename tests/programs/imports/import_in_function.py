def f():
    import pkg.sub.sibling
    from pkg.sub.sibling import SIB as s
    return s, 'pkg' in dir()
print(f())
print('pkg' in dir())
def g():
    from _star_noall import visible
    return visible
print(g())
