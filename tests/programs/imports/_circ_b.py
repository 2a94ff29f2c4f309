print("b: start")
import _circ_a
B_VALUE = "b value"
print("b: a has A_VALUE?", hasattr(_circ_a, "A_VALUE"))
