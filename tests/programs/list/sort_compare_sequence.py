# The exact sequence of __lt__ calls made by list.sort (CPython 3.13's
# listsort: count_run, binary insertion, powersort merges, galloping).
log = []

class K:
    def __init__(self, v, tag):
        self.v = v
        self.tag = tag
    def __lt__(self, other):
        log.append((self.tag, other.tag))
        return self.v < other.v
    def __repr__(self):
        return '%s/%s' % (self.v, self.tag)

def checksum(pairs):
    h = 0
    for a, b in pairs:
        h = (h * 1000003 + a * 7919 + b) % (1 << 61)
    return h

def data(n, mode):
    if mode == 0:
        return [(i * 7919) % 1013 for i in range(n)]
    if mode == 1:
        return [(i * 7919) % 1013 % 4 for i in range(n)]
    if mode == 2:  # mostly ascending
        return [i if (i * 31) % 11 else (i * 7) % (n + 1) for i in range(n)]
    if mode == 3:  # mostly descending, with equal neighbours
        return [(n - i) // 2 if (i * 31) % 13 else (i * 7) % (n + 1) for i in range(n)]
    if mode == 4:  # alternating ascending and descending stretches
        return [(i % 45) * (-1) ** (i // 45) + (i * 13) % 3 for i in range(n)]
    return [(i // 25) % 2 * 1000 + (i * 17) % 89 for i in range(n)]

# Small inputs: every call.
for n in range(7):
    for mode in range(3):
        del log[:]
        items = [K(v, i) for i, v in enumerate(data(n, mode))]
        items.sort()
        print(n, mode, items, log)
del log[:]
items = [K(v, i) for i, v in enumerate([3, 2, 2, 1, 1, 4, 0])]
items.sort(reverse=True)
print(items, log)

# Larger inputs: the number of calls, a checksum of the call sequence and
# the resulting order.
for n in list(range(7, 70, 3)) + [100, 128, 129, 200, 256, 300]:
    for mode in range(6):
        for rev in (False, True):
            del log[:]
            items = [K(v, i) for i, v in enumerate(data(n, mode))]
            items.sort(reverse=rev)
            order = [k.tag for k in items]
            print(n, mode, rev, len(log), checksum(log), checksum(zip(order, order)))
# A long run of galloping merges.
del log[:]
items = [K(v, i) for i, v in enumerate(list(range(0, 2000, 2)) + list(range(1, 600, 2)) + list(range(0, 3000, 3)))]
items.sort()
print(len(log), checksum(log), [k.v for k in items[:8]])

# Keys are computed in list order, even with reverse=True.
calls = []
def key(v):
    calls.append(v)
    return -v
print(sorted([1, 2, 3, 4], key=key, reverse=True), calls)

# An exception mid-sort leaves the list in CPython's partly sorted state.
class Stop(Exception):
    pass
count = [0, 0]
class Fragile:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        count[0] += 1
        if count[0] == count[1]:
            raise Stop
        return self.v < other.v
for n in (9, 70, 200):
    vals = [(i * 7919) % 1013 % (n // 2) for i in range(n)]
    for stop in range(1, 8 * n, n // 3):
        for rev in (False, True):
            count[0] = 0
            count[1] = stop
            l = [Fragile(v) for v in vals]
            try:
                l.sort(reverse=rev)
                r = 'done'
            except Stop:
                r = 'Stop'
            print(n, stop, rev, r, count[0], [f.v for f in l][:20])

# A __lt__ returning NotImplemented on same-type keys is tried twice
# (CPython calls the type's slot directly, then the full protocol).
class NI:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        print('lt', self.v, other.v)
        return NotImplemented
    def __gt__(self, other):
        print('gt', self.v, other.v)
        return self.v > other.v
    def __eq__(self, other):
        print('eq', self.v, other.v)
        return self.v == other.v
print([x.v for x in sorted([NI(2), NI(1), NI(3)])])
print([(x.v, y) for x, y in sorted([(NI(2), 1), (NI(1), 2), (NI(2), 0)])])
class NI2(NI):
    pass
print([x.v for x in sorted([NI(2), NI2(1), NI(3)])])

# Any storage allocated for the list during the sort counts as a change.
class Meddle:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        target.append(0)
        target.pop()
        return self.v < other.v
target = [Meddle(2), Meddle(1)]
try:
    target.sort()
except ValueError as e:
    print('ValueError', e, [m.v for m in target])
