import json
data = {"name": "x", "n": [1, 2.5, -3], "nested": {"t": True, "f": False, "none": None}, "u": "é\n"}
s = json.dumps(data)
print(s)
print(json.dumps(data, indent=2, sort_keys=True))
print(json.loads(s) == data, json.loads("[1e3, -0.0, 1.5]"))
try:
    json.loads("{bad}")
except json.JSONDecodeError as e:
    print(e)
