# Arithmetic results may reuse a temporary operand only the instruction
# references: values, small-int identity and in-place list updates are as in
# CPython.
x = 1000
y = x * 2 + 1
print(x, y, (x * 3) - 5, y is (x * 2 + 1))
a = 2.5
b = (a * 2) + a
print(a, b, (a * a) / a, a)
z = 300
w = (z - 100) - 0
print(w is 200, (z - 44) is 256, (z * 1) + 0 == 300)
L = [1.5, 2.5]
L[0] += L[1] * 2
print(L)
t = 10**18
print((t * 9) + t, (t + t) + t)
def f(n):
    s = 0.0
    for i in range(n):
        s = s + i * 0.5
    return s
print(f(10))
k = 5
for i in range(3):
    k = (k * 1000) - 1
print(k)
