print("a: start")
import _circ_b
A_VALUE = "a value"
print("a: end, sees b =", _circ_b.B_VALUE)
