import json
data = {"name": "x", "n": [1, 2.5, -3], "nested": {"t": True, "f": False, "none": None}, "u": "é\n"}
s = json.dumps(data)
print(s)
print(json.dumps(data, indent=2, sort_keys=True))
print(json.loads(s) == data, json.loads("[1e3, -0.0, 1.5]"))
for bad in ["{bad}", "[1,]", "{\"a\" 1}", "[1 2]", "", "tru", "\"abc", "{\"a\":1,}", "[1] x", '"\\x"', "01"]:
    try:
        json.loads(bad)
    except json.JSONDecodeError as e:
        print(e)
print(json.dumps([1.0, 1e100, 0.1, float('inf'), -float('inf'), float('nan'), 10**20, "\U0001F600\x01"]))
print(json.dumps({"a": [], "b": {}, "c": [1, [2, {}]]}, indent=4), json.dumps({1: 2, 2.5: 3, None: 4, True: 5}))
print(json.dumps({"a": 1, "b": [1, 2]}, separators=(",", ":")), json.dumps("é", ensure_ascii=False), json.dumps([1], indent="\t"))
print(json.loads('{"a": "\\u00e9\\ud83d\\ude00", "b": [true, false, null, NaN, -Infinity]}'))
print(json.loads('{"a": 1}', object_hook=lambda d: sorted(d.items())), json.loads("1.5", parse_float=str))
try: json.dumps(object())
except TypeError as e: print(e)
l = []; l.append(l)
try: json.dumps(l)
except ValueError as e: print(e)
print(json.dumps(object(), default=lambda o: "obj"), json.dumps((1, 2)), json.JSONDecodeError.__module__)
