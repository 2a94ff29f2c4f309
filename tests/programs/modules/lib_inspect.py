import inspect
def g():
    yield 1
x = g()
print(inspect.getgeneratorstate(x))
next(x)
print(inspect.getgeneratorstate(x))
list(x)
print(inspect.getgeneratorstate(x))
def f(a, b: int = 2, *args, c, d=4, **kw) -> str: pass
s = inspect.signature(f)
print(s, list(s.parameters), s.parameters['b'].default, s.parameters['c'].kind, s.return_annotation)
def h(x, /, y): pass
print(inspect.signature(h), inspect.signature(lambda *a: 0))
class K:
    def __init__(self, p, q=1): pass
    def m(self, z): pass
print(inspect.signature(K), inspect.signature(K(0).m))
b = s.bind(1, c=3); b.apply_defaults(); print(b.arguments)
print(inspect.isfunction(f), inspect.isclass(K), inspect.isgeneratorfunction(g), inspect.isgenerator(x), inspect.ismethod(K(0).m), inspect.isbuiltin(len))
async def co(): pass
print(inspect.iscoroutinefunction(co), inspect.cleandoc("  a\n    b\n  c"), inspect.getdoc(K))
print([n for n, v in inspect.getmembers(K) if not n.startswith('_')])
