with open("f") as a if x else b:
    pass
