x = 1; y = 2; z = x + y;
if z: print("one-liner if"); print("second stmt")
for i in range(2): print("loop", i)
while False: pass
def f(): return "inline def"
class K: attr = 5
print(f(), K.attr)
try: 1 / 0
except ZeroDivisionError: print("inline except")
with open(__file__) as fh: print(fh.readline().strip())
