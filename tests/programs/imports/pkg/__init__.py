print("pkg/__init__ running, __name__ =", __name__)
top_value = "from pkg"
