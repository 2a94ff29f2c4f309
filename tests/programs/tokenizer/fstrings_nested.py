w = 10
x = "ab"
print(f'{x!r:>{w}}|')
print(f"{f'{x}'}", f"{f'{f"{x}"}'}")
print(f'{"\n".join(["a", "b"])}')
print(f"{'it' + "'s"}")
d = {"key": "v"}
print(f"{d["key"]}", f'{d['key']}')
print(f'''{
    x
    + "c"
}''')
print(f"{x:{'>'}{w}}")
items = [1, 2, 3]
print(f"{[i * 2 for i in items]}", f"{ {'a': 1}['a'] }", f"{(lambda: 5)()}")
print(f"{x # comment
}")
