# memoryview: hex, hash, cast to the native formats, toreadonly,
# contiguity attributes, indexing errors, iteration.


def t(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "->", type(e).__name__, e)
    else:
        print(label, "->", repr(r))


m = memoryview(b'abc')
t("hex", lambda: m.hex())
t("hex sep", lambda: m.hex(':'))
t("hex sep 2", lambda: m.hex(':', 2))
t("hex bytes sep -2", lambda: m.hex(b'-', -2))
t("hex strided", lambda: memoryview(b'abcdef')[::2].hex('.'))
t("hex bad sep", lambda: m.hex([1]))
t("hex kw", lambda: m.hex(sep='_', bytes_per_sep=1))

t("hash", lambda: hash(memoryview(b'ab')) == hash(b'ab'))
t("hash slice", lambda: hash(memoryview(b'xabx')[1:3]) == hash(b'ab'))
t("hash strided", lambda: hash(memoryview(b'abcd')[::2]) == hash(b'ac'))
t("hash cast c", lambda: hash(memoryview(b'ab').cast('c')) == hash(b'ab'))
t("hash writable", lambda: hash(memoryview(bytearray(b'ab'))))
t("hash cast H", lambda: hash(memoryview(b'ab').cast('H')))
t("hash readonly of bytearray", lambda: hash(memoryview(bytearray(b'a')).toreadonly()))
t("hash in dict", lambda: {memoryview(b'k'): 1}[b'k'])

data = bytes(range(1, 17))
for fmt in ['B', 'b', 'c', 'H', 'h', 'I', 'i', 'L', 'l', 'Q', 'q', 'f', 'd', 'e', '?', 'n', 'N', 'P', '@B', '@i']:
    c = memoryview(data).cast(fmt)
    print(fmt, c.format, c.itemsize, c.nbytes, c.shape, c.strides, c.tolist())
neg = memoryview(b'\xff\xfe\x80\x7f\x00\x00\xf0\xbf')
for fmt in ['b', 'h', 'i', 'q', 'd', 'f', 'e', 'H']:
    print(fmt, neg.cast(fmt).tolist())
print([x for x in memoryview(b'\x00\x3c\x00\x7c\x00\xfc\x00\x00\x00\x80\x01\x00\xff\x7b').cast('e')])

t("cast bad format", lambda: m.cast('x'))
t("cast two chars", lambda: m.cast('BB'))
t("cast non-str", lambda: m.cast(1))
t("cast non-ascii", lambda: m.cast('é'))
t("cast length", lambda: memoryview(b'abc').cast('H'))
t("cast non-byte", lambda: memoryview(b'abcd').cast('H').cast('i'))
t("cast back", lambda: memoryview(b'abcd').cast('H').cast('B').tolist())
t("cast strided", lambda: memoryview(b'abcd')[::2].cast('B'))
t("cast shape", lambda: memoryview(b'abcdef').cast('B', [2, 3]).tolist())
t("cast shape kw", lambda: memoryview(b'abcdef').cast('c', shape=(3, 2)).tolist())
t("cast shape H", lambda: memoryview(b'abcdefgh').cast('H', [2, 2]).tolist())
t("cast shape bad product", lambda: memoryview(b'abcdef').cast('B', [4]))
t("cast shape zero", lambda: memoryview(b'abcdef').cast('B', [0, 6]))
t("cast shape type", lambda: memoryview(b'abcdef').cast('B', 6))
t("cast shape items", lambda: memoryview(b'abcdef').cast('B', ['6']))
t("cast empty", lambda: memoryview(b'').cast('H').tolist())
t("cast empty shape", lambda: memoryview(b'').cast('B', [0]))
t("cast ND to ND", lambda: memoryview(b'abcd').cast('B', [2, 2]).cast('B', [1, 4]))
t("cast 0-dim", lambda: memoryview(b'abcd').cast('i', []).tolist())

m2 = memoryview(b'abcdef').cast('B', [2, 3])
print(m2.ndim, m2.shape, m2.strides, m2.suboffsets, len(m2), m2.nbytes)
print(m2.c_contiguous, m2.f_contiguous, m2.contiguous)
t("2d index", lambda: m2[1, 2])
t("2d row", lambda: m2[1])
t("2d too many", lambda: m2[1, 2, 3])
t("2d out of range", lambda: m2[0, 5])
t("2d out of range dim 1", lambda: m2[5, 0])
t("2d multislice", lambda: m2[0:1, 0:1])
t("2d slice", lambda: m2[::-1].tolist())
t("2d slice tobytes", lambda: m2[::-1].tobytes())
t("2d tobytes F", lambda: m2.tobytes('F'))
t("2d tobytes A", lambda: m2.tobytes(order='A'))
t("tobytes bad order", lambda: m2.tobytes('X'))
t("tobytes order type", lambda: m2.tobytes(1))
t("2d list", lambda: list(m2))
t("2d sub-view", lambda: m2[()])

m0 = memoryview(b'abcd').cast('i', [])
print(m0.ndim, m0.shape, m0.strides, m0[()] == m0.tolist(), m0[...] is m0)
t("0d len", lambda: len(m0))
t("0d index", lambda: m0[0])
t("0d iter", lambda: list(m0))

f = memoryview(b'ab')
print(f.c_contiguous, f.f_contiguous, f.contiguous, f.suboffsets)
g = f[::-1]
print(g.c_contiguous, g.f_contiguous, g.contiguous, g.strides, g.tolist())
print(memoryview(b'')[::2].contiguous, memoryview(b'a')[::2].contiguous)

r = memoryview(bytearray(b'abc')).toreadonly()
print(r.readonly, r.tolist(), type(r).__name__)
t("readonly set", lambda: r.__setitem__(0, 1))
w = memoryview(bytearray(b'abc'))
print(w.readonly, w.toreadonly().obj is w.obj)

t("invalid key", lambda: m['a'])
t("float key", lambda: m[1.0])
t("big key", lambda: m[2**64])
t("tuple key", lambda: m[(0,)])
t("empty tuple key", lambda: m[()])
t("ellipsis key", lambda: m[...])
t("index error", lambda: m[3])
t("negative index", lambda: m[-1])

mm = memoryview(bytearray(b'abcd'))


def setitem(view, key, value):
    view[key] = value
    return view.tolist()


t("set bytes", lambda: setitem(mm, 0, b'a'))
t("set int", lambda: setitem(mm, 0, 65))
t("set bool", lambda: setitem(mm, 1, True))
t("set range", lambda: setitem(mm, 0, 256))
t("set negative", lambda: setitem(mm, 0, -1))
t("set float", lambda: setitem(mm, 0, 1.5))
t("set key", lambda: setitem(mm, 'a', 1))
t("set tuple", lambda: setitem(mm, (1,), 66))
t("set empty tuple", lambda: setitem(mm, (), 66))
t("delete", lambda: mm.__delitem__(0))
t("set slice", lambda: setitem(mm, slice(0, 2), b'xy'))
t("set slice size", lambda: setitem(mm, slice(0, 2), b'xyz'))
t("set slice int", lambda: setitem(mm, slice(0, 2), 5))
t("set slice strided src", lambda: setitem(mm, slice(0, 2), memoryview(b'pqrs')[::2]))
t("set slice cast src", lambda: setitem(mm, slice(0, 2), memoryview(b'ab').cast('c')))
t("set slice @B src", lambda: setitem(mm, slice(0, 2), memoryview(b'ab').cast('@B')))
t("set strided slice", lambda: setitem(mm, slice(None, None, 2), b'12'))
t("set self slice", lambda: setitem(mm, slice(1, 3), mm[0:2]))

for fmt, vals in [('H', [1, 65535, -1, 65536, 1.0]), ('b', [-128, 127, 128]),
                  ('c', [b'z', b'zz', 1]), ('?', [0, 'x', []]), ('f', [1.5, 1e300, 'x', 2]),
                  ('e', [1.1, 1e10, 65504.0, 65520.0]), ('Q', [2**64 - 1, 2**64]),
                  ('q', [-2**63, 2**63]), ('P', [-1, 2**64]), ('d', [1, 2**1024])]:
    v = memoryview(bytearray(8)).cast(fmt)
    for x in vals:
        t(f"set {fmt} {x!r}", lambda: setitem(v, 0, x))

c2 = memoryview(bytearray(b'abcdef')).cast('B', [2, 3])
t("2d set", lambda: setitem(c2, (1, 1), 1))
t("2d set row", lambda: setitem(c2, 1, 1))
t("2d set slice", lambda: setitem(c2, slice(0, 1), b'abc'))

# Equality compares items, with the shapes.
print(memoryview(b'ab').cast('c') == b'ab', memoryview(b'ab').cast('b') == b'ab')
print(m2 == memoryview(b'abcdef'), m2 == memoryview(b'abcdef').cast('b', [2, 3]))
print(memoryview(b'\x00\x00\x80\x3f').cast('f') == memoryview(b'\x01\x00').cast('H'))
print(memoryview(b'\x00\x00\xc0\x7f').cast('f') == memoryview(b'\x00\x00\xc0\x7f').cast('f'))
print(memoryview(b'\x01').cast('?') == memoryview(b'\x01'), memoryview(b'ab') != b'ab')
print(memoryview(b'ab') == 'ab', memoryview(b'ab').__lt__(b'b'))

it = iter(memoryview(b'ab'))
print(type(it).__name__, next(it), list(it), hasattr(it, '__length_hint__'))
print(list(memoryview(b'abcd').cast('H')), list(memoryview(b'ab').cast('c')))
print(list(reversed(memoryview(b'abc'))), 98 in memoryview(b'abc'))

v = memoryview(b'x')
v.release()
print(repr(v).startswith('<released memory at 0x'))
for name in ['tobytes', 'tolist', 'hex', 'toreadonly']:
    t("released " + name, getattr(v, name))
t("released cast", lambda: v.cast('B'))
t("released len", lambda: len(v))
t("released format", lambda: v.format)
t("released eq", lambda: (v == v, v == memoryview(b'x')))
t("memoryview(released)", lambda: memoryview(v))
t("memoryview(int)", lambda: memoryview(1))
with memoryview(b'q') as w:
    print(w[0])
t("after with", lambda: w[0])
