d = {[1, 2]: "value"}
