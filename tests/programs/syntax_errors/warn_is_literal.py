# Compile-time SyntaxWarnings for `is` / `is not` with a literal operand.
x = 1
if x is 1: pass
if x is not "a": pass
if x is (): pass
if x is b"x": pass
if x is 1.5: pass
if 1 is x: pass
if x is (1, 2): pass
if x is -1: pass
if x is not 1j: pass
if x is 1 is 2: pass
# No warning: singletons and non-constant operands.
if x is None: pass
if x is ...: pass
if x is True: pass
if x is not False: pass
if x is f"a": pass
if x is [1]: pass
if x is (1, x): pass
z = x is __debug__
# Warned at the comparison's first line, once per chain.
z = (x is
     1)
z = (1 <
     x is 2)
z = not (x is 1)
y = not (x is not "s")
z = x is 1 < 2 is 3
z = x == 1 is True
z = (1 + 2) is x
z = x is ("a" * 3)
z = x is (1, None)
z = x is "a"[0]
def f():
    return x is 3 if x is 4 else x is (5,)
class C:
    a = x is -2
l = [x is 1 for _ in ()]
g = lambda: x is 1.0
while x is 1.0: break
print(f(), C.a, l, g(), z)
