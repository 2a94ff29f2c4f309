x = f"abc {1 + 2
