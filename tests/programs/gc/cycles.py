import gc
class A:
    def __init__(self, n): self.n = n
    def __del__(self): print("del", self.n)
# self cycle through a list
l = []; l.append(l); del l
print(gc.collect() >= 1)
# instance cycles, closures, dict cycles
a = A(1); a.self = a; del a
def make():
    def f(): return f
    return f
f = make(); del f
d = {}; d['d'] = d; del d
print("collect:", gc.collect())
# resurrection
saved = []
class R:
    def __del__(self): saved.append(self); print("R del")
r = R(); r.me = r; del r
print(gc.collect() >= 1, len(saved), hasattr(saved[0], 'me'))
saved.clear()
print(gc.collect())
# tracked
print(gc.is_tracked(0), gc.is_tracked("a"), gc.is_tracked([]), gc.is_tracked({}), gc.is_tracked({"a": 1}), gc.is_tracked({"a": []}))
print(gc.get_threshold(), gc.isenabled())
gc.disable(); print(gc.isenabled()); gc.enable()
x = [1]; y = [x]
print(any(o is y for o in gc.get_referrers(x)), gc.get_referents(y) == [x])
# exception/traceback cycle
def g():
    try:
        1/0
    except Exception as e:
        return e
e = g(); e.me = e if False else None
cb = []
gc.callbacks.append(lambda phase, info: cb.append((phase, info['generation'])))
gc.collect(1)
print(cb)
gc.callbacks.clear()
try:
    gc.collect(3)
except ValueError as e:
    print(e)
# automatic collection of many cycles
class N: pass
for i in range(100000):
    n = N(); n.n = n
print("auto ok", gc.get_count()[0] < 3000)
