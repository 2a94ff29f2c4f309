s = list(range(10))
print(s[2:5], s[::2], s[::-1], s[-3:], s[:-7], s[1:8:3], s[5:2], s[5:2:-1])
print("hello"[1:-1], "hello"[::-1])
class G:
    def __getitem__(self, k): return k
g = G()
print(g[1], g[1:2], g[1:2:3], g[:, 1], g[...], g[1, 2:3, ...], g[()], g[:])
s[2:4] = ["a", "b", "c"]
print(s)
del s[::3]
print(s)
t = [0] * 5
t[::2] = [1, 2, 3]
print(t)
