print("gamma imported")
