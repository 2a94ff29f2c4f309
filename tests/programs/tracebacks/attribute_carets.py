class Obj:
    child = None
o = Obj()
result = o.child.value.deeper
