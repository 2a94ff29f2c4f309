print(..., Ellipsis is ..., type(...).__name__)
print(None, True, False)
import keyword
print(keyword.iskeyword("match"), keyword.issoftkeyword("match"), keyword.issoftkeyword("type"))
print(len(keyword.kwlist), keyword.kwlist[:5])
match = 1
case = 2
type = 3
print(match, case, type)
_ = 4
print(_)
