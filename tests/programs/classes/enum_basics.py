import enum
class Color(enum.Enum):
    RED = 1
    GREEN = 2
print(Color.RED, repr(Color.GREEN), Color(1), Color["GREEN"], Color.RED.name, Color.RED.value, list(Color))
class Flag(enum.IntFlag):
    A = 1
    B = 2
print(Flag.A | Flag.B, int(Flag.A | Flag.B), Flag.A in (Flag.A | Flag.B))
try:
    Color(5)
except ValueError as e:
    print(e)
