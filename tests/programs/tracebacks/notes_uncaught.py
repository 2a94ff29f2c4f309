e = KeyError("k")
e.add_note("first note")
e.add_note("second\nmultiline note")
raise e
