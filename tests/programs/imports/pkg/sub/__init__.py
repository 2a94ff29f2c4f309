print("pkg.sub/__init__ running")
