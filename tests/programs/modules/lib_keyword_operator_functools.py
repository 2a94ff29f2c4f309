import keyword, operator, functools
print(keyword.iskeyword("if"), keyword.softkwlist)
print(operator.itemgetter(1, 0)("ab"), operator.attrgetter("real", "imag")(3j), operator.methodcaller("split", ",", maxsplit=1))
print(operator.itemgetter(1), operator.attrgetter('a.b'))
print(operator.add(1, 2), operator.length_hint(iter([1,2,3])))
def f(a, b, c=3): return a + b + c
p = functools.partial(f, 1, c=5)
print(p(2), p.args, p.keywords)
print(functools.reduce(operator.add, [1,2,3]))
@functools.lru_cache(maxsize=2)
def sq(x): return x * x
for i in [1,2,1,3,1,2]: sq(i)
print(sq.cache_info(), sq.__name__)
@functools.cache
def fib(n): return n if n < 2 else fib(n-1)+fib(n-2)
print(fib(50), fib.cache_info())
@functools.total_ordering
class V:
    def __init__(s, v): s.v = v
    def __eq__(s, o): return s.v == o.v
    def __lt__(s, o): return s.v < o.v
print(V(1) >= V(2), V(3) > V(2), V(2) <= V(2))
print(sorted([3,1,2], key=functools.cmp_to_key(lambda a, b: b - a)))
class C:
    @functools.cached_property
    def x(self):
        print("compute"); return 42
c = C(); print(c.x, c.x)
@functools.singledispatch
def show(x): return "obj"
@show.register(int)
def _(x): return "int"
@show.register
def _(x: str): return "str"
print(show(1), show("a"), show(1.5), show(True))
try: functools.reduce(operator.add, [])
except TypeError as e: print(e)
