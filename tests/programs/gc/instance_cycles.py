import gc
class A:
    def __del__(self): print("del", self.n)
def make(n):
    a = A(); a.n = n
    return a
a = make(1); a.l = [a]; del a
b = make(2); b.__dict__['me'] = b; del b
c = make(3); c.f = lambda: c; del c
d = make(4); e = make(5); d.o = e; e.o = d; del d, e
class S:
    __slots__ = ('x', 'n')
    def __del__(self): print("del slots", self.n)
s = S(); s.n = 6; s.x = s; del s
p = make(7); p.x = 1.5; p.y = "s"; p.z = [1]; print(gc.is_tracked(p))
print(gc.collect() > 0)
