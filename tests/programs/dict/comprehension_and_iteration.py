sq = {x: x * x for x in range(5)}
print(sq)
for k, v in sq.items():
    if k > 2:
        print(k, v)
inv = {v: k for k, v in sq.items()}
print(inv)
print({k: v for k, v in sq.items() if v % 2 == 0})
print(sum(sq.values()), max(sq, key=sq.get), sorted(sq, reverse=True))
nested = {"a": {"b": {"c": 1}}}
print(nested["a"]["b"]["c"], nested)
