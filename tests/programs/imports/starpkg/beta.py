print("beta imported")
