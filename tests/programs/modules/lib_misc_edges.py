import functools, itertools, collections, enum, dataclasses, json, operator, copy, types, string
def f(a, b, c=3): return a + b + c
p = functools.partial(f, 1, c=5)
print(repr(p).split(' at ')[0], repr(functools.partial(len)).startswith('functools.partial(<built-in function len>'))
print(functools.partial(p, 2)(), functools.partial(p, 2).args)
try: functools.total_ordering(type('X', (), {}))
except ValueError as e: print(e)
print(functools.reduce(lambda a, b: a + b, ['a', 'b'], 'z'))
try: list(itertools.islice('abc', -1))
except ValueError as e: print(e)
try: itertools.combinations('abc', -1)
except ValueError as e: print(e)
print(list(itertools.permutations([])), list(itertools.product()), list(itertools.combinations('ab', 3)))
print(list(itertools.accumulate([3, 1, 4], max)), list(itertools.zip_longest()), list(itertools.chain()))
print(collections.Counter('hello').most_common(), repr(collections.Counter({'a': 0})))
d = collections.deque(range(5)); d.rotate(-2); print(d, d.index(0), d.count(1), d[-1], d.pop(), len(d))
d.insert(1, 'x'); d.remove('x'); d.reverse(); print(d, d == collections.deque([1, 0, 4, 3]), d.copy())
try: collections.namedtuple('T', 'a a')
except ValueError as e: print(e)
try: collections.namedtuple('T', 'a _b')
except ValueError as e: print(e)
try: collections.namedtuple('T', 'class')
except ValueError as e: print(e)
T = collections.namedtuple('T', 'a def _c', rename=True); print(T._fields, T(1, 2, 3))
od = collections.OrderedDict.fromkeys('abc'); print(od, od == collections.OrderedDict.fromkeys('cba'), od == dict.fromkeys('cba'))
print(collections.defaultdict(list, a=[1]), collections.ChainMap())
class Color(enum.Enum):
    RED = 'r'
    GREEN = 'g'
print(Color('r'), Color.RED.__class__, Color.__members__.keys() if False else list(Color.__members__.items())[0], Color.RED.value, dir(Color.RED)[:3])
print(Color.RED is Color['RED'], Color.RED.name, Color.RED == 'r', isinstance(Color.RED, Color))
class Shape(enum.IntEnum):
    CIRCLE = enum.auto()
    SQUARE = enum.auto()
print(Shape.SQUARE, Shape.SQUARE * 2, str(Shape.CIRCLE), format(Shape.CIRCLE), Shape(2).name, list(Shape))
@dataclasses.dataclass
class Item:
    name: str
    price: float = dataclasses.field(default=0.0, repr=False)
    qty: int = 1
print(Item('a'), Item('a', 2.0) == Item('a', 2.0), dataclasses.fields(Item)[1].default)
print(json.dumps([[], {}, [1]], indent=0), json.dumps({"b": 1, "a": 2}, sort_keys=True, indent=1, separators=(',', ': ')))
print(json.loads('  {"a" : [1, 2, {"b": null}] }  '), json.loads('"\\u0041\\n"'), json.loads('1E2'), json.loads('-0'), json.loads('123456789012345678901234567890'))
print(json.dumps(3.0), json.dumps(1e-7), json.dumps(-1.5e300), json.dumps(True), json.dumps(None), json.dumps("a\"b\\c\u2028"))
print(operator.itemgetter(slice(1, 3))([1, 2, 3, 4]), operator.attrgetter('__class__.__name__')(1), operator.countOf([1, 2, 1], 1), operator.indexOf('abc', 'c'))
print(string.Template('$a$b').substitute(a=1, b=2), string.Formatter().format('{0}-{x}', 1, x=2))
print(types.SimpleNamespace(a=types.SimpleNamespace(b=1)), copy.deepcopy(types.SimpleNamespace(a=[1])))
