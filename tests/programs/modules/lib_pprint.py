import pprint
data = {'name': 'x' * 30, 'items': list(range(30)), 'nested': {'b': [1, 2, {'z': 'q' * 40}], 'a': (1, 2, 3)}, 'set': set(range(25)), 't': (1,)}
pprint.pprint(data)
pprint.pprint(data, width=40, indent=2)
print(pprint.pformat(list(range(40)), compact=True, width=50))
pprint.pprint("word " * 30)
pprint.pprint([["a" * 50, "b" * 50], {"k": "v"}])
pprint.pp({'b': 1, 'a': 2})
print(pprint.saferepr([1, {2: 3}]), pprint.pformat({}), pprint.pformat(frozenset(range(40))))
l = [1]; l.append(l); print(pprint.saferepr(l)[:25], pprint.isrecursive(l), pprint.isreadable([1]))
pprint.pprint(data, depth=1)
