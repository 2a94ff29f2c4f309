print({}, {1: 2, **{3: 4}}, {**{}}, {1, 2, *[3]}, {"a": 1, "a": 2})
print({(1, 2): [3], None: {}, 1.5: (), frozenset(): set()})
print({i: {j for j in range(i)} for i in range(3)})
print([*{1: 2}], [*{1: 2}.items()], {*(), *[]})
