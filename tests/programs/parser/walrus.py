data = [1, 5, 10, 15]
if (n := len(data)) > 3:
    print("long", n)
print([y for x in data if (y := x * 2) > 10])
print(y)
while (chunk := data.pop()) > 5:
    print("chunk", chunk)
print((z := 5) + z)
def f(a=(b := 3)):
    return a
print(f(), b)
print([last := i for i in range(3)], last)
