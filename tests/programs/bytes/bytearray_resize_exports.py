# Extended-slice deletion by an empty value, and a bytearray that is
# exported (a live memoryview) cannot change size.

b = bytearray(b'abcdef'); b[::2] = b''; print(b)
b = bytearray(b'abcdef'); b[::-2] = bytearray(); print(b)
b = bytearray(b'abcdef'); b[1::3] = []; print(b)
b = bytearray(b'abcdef'); b[::2] = memoryview(b''); print(b)
b = bytearray(b'abcdef'); b[10::2] = b''; print(b)
b = bytearray(b'abcdef')
try:
    b[::2] = b'x'
except ValueError as e:
    print(type(e).__name__, e)


def t(name, f):
    x = bytearray(b'abcd')
    v = memoryview(x)
    try:
        r = f(x)
        print(name, 'ok', x, r)
    except Exception as e:
        print(name, type(e).__name__, e)
    v.release()


t('extend', lambda x: x.extend(b'3'))
t('extend empty', lambda x: x.extend(b''))
t('extend list', lambda x: x.extend([1]))
t('extend empty list', lambda x: x.extend([]))
t('append', lambda x: x.append(1))
t('append bad', lambda x: x.append(256))
t('pop', lambda x: x.pop())
t('pop index', lambda x: x.pop(10))
t('insert', lambda x: x.insert(0, 1))
t('remove', lambda x: x.remove(97))
t('remove missing', lambda x: x.remove(1))
t('clear', lambda x: x.clear())
t('reverse', lambda x: x.reverse())
t('setitem', lambda x: x.__setitem__(0, 1))
t('delitem', lambda x: x.__delitem__(0))
t('set slice same size', lambda x: x.__setitem__(slice(0, 2), b'XY'))
t('set slice grow', lambda x: x.__setitem__(slice(0, 2), b'XYZ'))
t('set slice shrink', lambda x: x.__setitem__(slice(0, 2), b'X'))
t('del slice', lambda x: x.__delitem__(slice(0, 2)))
t('del empty slice', lambda x: x.__delitem__(slice(0, 0)))
t('del extended slice', lambda x: x.__setitem__(slice(None, None, 2), b''))
t('set extended slice', lambda x: x.__setitem__(slice(None, None, 2), b'XY'))
t('iadd', lambda x: x.__iadd__(b'z'))
t('iadd empty', lambda x: x.__iadd__(b''))
t('imul 2', lambda x: x.__imul__(2))
t('imul 1', lambda x: x.__imul__(1))
t('imul 0', lambda x: x.__imul__(0))
t('init', lambda x: x.__init__(b'xyz'))
t('init same size', lambda x: x.__init__(b'wxyz'))
t('alloc', lambda x: x.__alloc__())
t('view write', lambda x: memoryview(x).__setitem__(0, 65))


def run(name, f):
    try:
        print(name, 'ok', f())
    except Exception as e:
        print(name, type(e).__name__, e)


def released():
    x = bytearray(b'ab'); v = memoryview(x); v.release(); x.append(1); return x


def released_slice_alive():
    x = bytearray(b'ab'); v = memoryview(x); w = v[1:]; v.release(); x.append(1); return x


def with_block():
    x = bytearray(b'ab')
    with memoryview(x) as v:
        pass
    x.append(1)
    return x


def deleted():
    x = bytearray(b'ab'); v = memoryview(x); del v; x.append(1); return x


def view_of_view():
    x = bytearray(b'ab'); v = memoryview(x); w = memoryview(v); v.release(); x.append(1); return x


def readonly_view():
    x = bytearray(b'ab'); v = memoryview(x).toreadonly(); x.append(1); return x


def cast_view():
    x = bytearray(b'ab'); v = memoryview(x).cast('H'); x.append(1); return x


def iterator_alive():
    x = bytearray(b'ab'); it = iter(memoryview(x)); x.append(1); return x


def temporary():
    x = bytearray(b'ab'); bytes(memoryview(x)); x.append(1); return x


def self_iadd():
    b = bytearray(b'ab'); b += b; return b


def empty_self_iadd():
    b = bytearray(); b += b; return b


def self_extend():
    b = bytearray(b'ab'); b.extend(b); return b


def self_slice():
    b = bytearray(b'ab'); b[0:1] = b; return b


def view_self_slice():
    b = bytearray(b'ab'); b[0:1] = memoryview(b); return b


def view_self_slice_same():
    b = bytearray(b'ab'); b[0:2] = memoryview(b)[::-1]; return b


def view_self_extend():
    b = bytearray(b'abc'); b.extend(memoryview(b)); return b


def view_self_iadd():
    b = bytearray(b'abc'); b += memoryview(b); return b


def view_self_extended():
    b = bytearray(b'abc'); b[::2] = memoryview(b)[:2]; return b


for f in [released, released_slice_alive, with_block, deleted, view_of_view,
          readonly_view, cast_view, iterator_alive, temporary, self_iadd,
          empty_self_iadd, self_extend, self_slice, view_self_slice,
          view_self_slice_same, view_self_extend, view_self_iadd, view_self_extended]:
    run(f.__name__, f)
