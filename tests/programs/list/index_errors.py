# Errors from __index__, item deletion wording, and METH_O __getitem__.
def t(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
class Idx:
    def __index__(self): return 'a'
class Err:
    def __index__(self): raise TypeError('custom')
class Big:
    def __index__(self): return 2**70
for seq in ([1], (1,), 'a', b'a', bytearray(b'a'), range(3), memoryview(b'a') if 0 else [2]):
    t(lambda: seq[Idx()])
    t(lambda: seq[Err()])
    t(lambda: seq[Big()])
    t(lambda: seq['x'])
    t(lambda: seq[1.5])
    t(lambda: seq[None])
def s(): l = [1]; l[Idx()] = 2
t(s)
def s2(): l = [1]; del l[Idx()]
t(s2)
def s3(): l = [1]; l['x'] = 2
t(s3)
def s4(): b = bytearray(b'a'); b[Idx()] = 2
t(s4)
t(lambda: [1, 2][Idx():])
t(lambda: [1, 2][:Err()])
t(lambda: [1].pop(Idx()))
t(lambda: [1].insert(Idx(), 1))
t(lambda: 'abc'[Big():])
t(lambda: range(Idx()))
def t(f):
    try: f()
    except Exception as e: print(type(e).__name__, e)
def a(): x=(1,); del x[0]
def b(): x='a'; del x[0]
def c(): x=1; del x[0]
def d(): x=frozenset(); del x[0]
def e(): x=range(3); del x[0]
def f(): x=b'a'; del x[0]
def g(): x=(1,); x[0]=1
def h(): x=1; x[0]=1
def i(): x=iter([]); del x[0]
def j(): x=None; del x[0]
class K: pass
def k(): x=K(); del x[0]
def l(): x={}.keys(); del x[0]
def m(): x=(1,); del x['a']
def n(): x=K(); del x['a']
def o(): x=(1,); del x[True]
def p(): x={1}; del x[0]
def q(): x=(1,); del x[0:1]
for fn in [a,b,c,d,e,f,g,h,i,j,k,l,m,n,o,p,q]: t(fn)
t(lambda: [].__getitem__())
t(lambda: [].__getitem__(1, 2))
t(lambda: ().__getitem__())
t(lambda: ''.__getitem__())
t(lambda: {}.__getitem__())
t(lambda: range(3).__getitem__())
t(lambda: b''.__getitem__())
t(lambda: bytearray().__getitem__())
t(lambda: [].__setitem__(0))
t(lambda: [].__delitem__())
t(lambda: [].__len__(1))
t(lambda: [].__contains__())
def t(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, repr(str(e)))
class K: pass
t(lambda: [].__setitem__(0)); t(lambda: [].__setitem__(0,1,2)); t(lambda: {}.__setitem__(0))
t(lambda: bytearray().__setitem__(0))
t(lambda: K().__setattr__('a')); t(lambda: K().__delattr__()); t(lambda: K().__getattribute__())
t(lambda: property().__set__(1)); t(lambda: property().__get__()); t(lambda: property().__get__(1,2,3)); t(lambda: property().__delete__())
t(lambda: (lambda: 0).__get__()); t(lambda: (lambda: 0).__get__(1, 2, 3))
t(lambda: iter([]).__next__(1)); t(lambda: K().__hash__(1)); t(lambda: K().__eq__())
t(lambda: [].__iter__(1)); t(lambda: [].__repr__(1)); t(lambda: K().__str__(1))
t(lambda: [].__delitem__()); t(lambda: {}.__delitem__()); t(lambda: {}.__getitem__()); t(lambda: {}.__contains__())
t(lambda: K().__init__(1)); t(lambda: [].__init__(1, 2)); t(lambda: [].__iadd__()); t(lambda: [].__imul__())
t(lambda: (1).__bool__(1)); t(lambda: [].__len__(1))
t(lambda: ().__getitem__()); t(lambda: ''.__getitem__(1,2)); t(lambda: range(1).__getitem__())
t(lambda: b''.__getitem__()); t(lambda: bytearray().__getitem__()); t(lambda: {}.keys().__len__(1))
t(lambda: [].__reversed__(1)); t(lambda: [].__sizeof__(1))
